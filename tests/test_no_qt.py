"""The model, the file code and the command line must work where PySide6 cannot be imported."""

import subprocess
import sys
import textwrap


def test_model_storage_and_cli_work_without_qt(tmp_path):
    script = textwrap.dedent(
        f"""
        import sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6"):
                    raise ImportError("Qt er blokeret i denne test")
                return None

        sys.meta_path.insert(0, BlockQt())
        try:
            import PySide6  # noqa: F401
        except ImportError:
            pass
        else:
            raise SystemExit("blocking failed")

        import kompetencedialog_desktop.model.project, kompetencedialog_desktop.model.operations
        import kompetencedialog_desktop.model.layout, kompetencedialog_desktop.model.factory
        import kompetencedialog_desktop.storage.project_file, kompetencedialog_desktop.storage.content_loader
        from kompetencedialog_desktop.cli import main
        out = r"{tmp_path / 'x.kdlg'}"
        assert main(["new", "--workshop", "strategi", "--example", "-o", out]) == 0
        assert main(["check", out]) == 0
        assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
        print("UDEN-QT-OK")
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "UDEN-QT-OK" in run.stdout
