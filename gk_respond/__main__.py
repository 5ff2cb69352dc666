from gk_respond.cli import main

raise SystemExit(main())
