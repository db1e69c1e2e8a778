"""Every question the app asks the user, in one place (tests replace these functions)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

FILE_FILTER = "Kompetencedialog-projekter (*.kdlg);;Alle filer (*)"


def ask_save_changes(parent: QWidget, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Ikke gemte ændringer")
    box.setText(f"»{name}« har ændringer, der ikke er gemt.")
    box.setInformativeText("Vil du gemme dem, før du går videre?")
    save = box.addButton("Gem", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Kassér ændringerne", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Annullér", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def ask_open_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Åbn workshop", "", FILE_FILTER)
    return Path(name) if name else None


def ask_save_path(parent: QWidget, suggestion: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Gem workshop som", suggestion, FILE_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".kdlg" else path.with_name(path.name + ".kdlg")


def ask_text(parent: QWidget, title: str, label: str, default: str = "") -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, text=default)
    return text if ok else None
