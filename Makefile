# Shortcuts; the scripts are the source of truth (make is optional).
.PHONY: run test e2e bench setup
run: ; scripts/run
test: ; scripts/test
e2e: ; scripts/e2e
bench: ; bench/journal
setup: ; scripts/setup
