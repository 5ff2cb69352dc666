def test_check_passes_on_the_shipped_flowchart(gk):
    result = gk("check")
    assert result.returncode == 0, result.stderr
    assert "sound" in result.stdout
    assert "13 paths" in result.stdout
