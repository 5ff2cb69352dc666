"""The web app's pages as Chromium shows them, at 1280x800 and 390x844, for the docs:

    .venv/bin/python docs/screenshots/make.py

Starts ``gk-respond serve`` on a free loopback port with a fresh case log, walks a comment
to an outcome, saves it, and photographs each page into this folder (PNG)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
COMMENT = "Kommunen borde skämmas! Ingen har plogat vår gata på en vecka."


def click(driver: webdriver.Chrome, selector: str) -> None:
    """Click, then wait until the next page is there (looked for again and again)."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    for _ in range(100_000):
        try:
            old.is_enabled()
        except WebDriverException:
            if driver.execute_script("return document.readyState") == "complete":
                return
    raise SystemExit(f"no page after clicking {selector}")


def main() -> None:
    folder = tempfile.mkdtemp()
    db = os.path.join(folder, "cases.db")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "gk_respond", "serve", "--port", str(port), "--db", db,
         "--handler", "anna"],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    server.stdout.readline()
    base = f"http://127.0.0.1:{port}"
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(
        options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    )
    try:
        driver.get(base + "/")
        pages = {"comment": base + "/"}
        driver.find_element(By.ID, "text").send_keys(COMMENT)
        click(driver, "button.primary")
        for answer in ("nej", "nej"):
            click(driver, f'button[value="{answer}"]')
        pages["question"] = driver.current_url
        for answer in ("nej", "nej", "ja"):
            click(driver, f'button[value="{answer}"]')
        pages["outcome"] = driver.current_url
        click(driver, "#save")
        number = driver.find_element(By.CSS_SELECTOR, "#save-status .notice").text.split()[3][:-1]
        draft = pages["outcome"].split("/triage/")[1].split("?")[0]
        pages |= {
            "cases": base + "/cases",
            "case": base + f"/cases/{number}",
            "channels": base + "/channels",
            "channel-form": base + "/channels/new",
            "flowchart": base + f"/flowchart?draft={draft}",
            "public-list": base + "/public/channels",
        }
        for width, height in ((1280, 800), (390, 844)):
            driver.set_window_size(width, height)
            for name, url in pages.items():
                driver.get(url)
                driver.save_screenshot(str(HERE / f"{name}-{width}.png"))
    finally:
        driver.quit()
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
