"""Every question the app asks the user, in one place (tests replace these functions)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

FILE_FILTER = "Kompetencedialog-projekter (*.kdlg);;Alle filer (*)"


def _choose(parent: QWidget, title: str, text: str, info: str, buttons: list[tuple[str, str, object]],
            cancel: str) -> str:
    """A question with named answers: [(label, answer, role)], the first being the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(info)
    answers = {}
    for label, answer, role in buttons:
        answers[box.addButton(label, role)] = answer
    box.setDefaultButton(next(iter(answers)))
    box.exec()
    return answers.get(box.clickedButton(), cancel)


def ask_save_changes(parent: QWidget, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    role = QMessageBox.ButtonRole
    return _choose(parent, "Ikke gemte ændringer", f"»{name}« har ændringer, der ikke er gemt.",
                   "Vil du gemme dem, før du går videre?",
                   [("Gem", "save", role.AcceptRole), ("Kassér ændringerne", "discard", role.DestructiveRole),
                    ("Annullér", "cancel", role.RejectRole)], "cancel")


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


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_export_path(parent: QWidget, title: str, suggestion: str, file_filter: str, suffix: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggestion, file_filter)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_folder(parent: QWidget, title: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title)
    return Path(name) if name else None


def edit_front_page(parent: QWidget, project) -> dict | None:
    """The front-page dialog; returns the new values, or None when cancelled."""
    from .front_page_dialog import FrontPageDialog

    dialog = FrontPageDialog(project, parent)
    return dialog.values() if dialog.exec() == FrontPageDialog.DialogCode.Accepted else None


def ask_int(parent: QWidget, title: str, label: str, value: int, minimum: int, maximum: int) -> int | None:
    number, ok = QInputDialog.getInt(parent, title, label, value, minimum, maximum)
    return number if ok else None


def ask_recovery(parent: QWidget, description: str) -> str:
    """'restore', 'later' or 'discard' for one piece of unsaved work found after a crash."""
    role = QMessageBox.ButtonRole
    return _choose(parent, "Ikke gemt arbejde fundet",
                   "Programmet blev ikke lukket rigtigt sidste gang. Dette arbejde blev ikke gemt:",
                   f"{description}\n\nVil du gendanne det nu?",
                   [("Gendan", "restore", role.AcceptRole), ("Kassér det", "discard", role.DestructiveRole),
                    ("Senere", "later", role.RejectRole)], "later")


def ask_open_paths(parent: QWidget) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, "Vælg gruppernes GRUS-filer", "", FILE_FILTER)
    return [Path(n) for n in names]
