"""`tidings serve`: a clean refusal of a missing database; loopback unless told otherwise."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.cli.serve import _is_loopback


def test_serve_refuses_a_missing_database_in_one_line(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no such database" in result.output and "Traceback" not in result.output


def test_serve_defaults_to_loopback():
    host = next(p for p in main.commands["serve"].params if p.name == "host")
    assert host.default == "127.0.0.1"


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("::1", True),
                                                ("localhost", True), ("0.0.0.0", False),
                                                ("192.168.1.4", False), ("example.org", False)])
def test_serve_knows_loopback_addresses(host, loopback):
    assert _is_loopback(host) is loopback
