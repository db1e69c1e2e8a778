"""Every question the app asks the user, in one place (tests replace these functions)."""

from __future__ import annotations

from pathlib import Path

# The dialogs' own classes are reached through QtWidgets when a dialog is first shown: naming
# them here would build their Python enums (~5-10 ms) at every start, before any dialog is needed.
from PySide6 import QtWidgets
from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QWidget

FILE_FILTER = "Kompetencedialog-projekter (*.kdlg);;Alle filer (*)"


def _choose(parent: QWidget, title: str, text: str, info: str, buttons: list[tuple[str, str, object]],
            cancel: str) -> str:
    """A question with named answers: [(label, answer, role)], the first being the default."""
    box = _message_box(parent, QtWidgets.QMessageBox.Icon.Question, title, text)
    box.setInformativeText(info)
    answers = {}
    for label, answer, role in buttons:
        answers[box.addButton(label, role)] = answer
    box.setDefaultButton(next(iter(answers)))
    _shown(box)
    return answers.get(box.clickedButton(), cancel)


def ask_save_changes(parent: QWidget, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    role = QtWidgets.QMessageBox.ButtonRole
    return _choose(parent, "Ikke gemte ændringer", f"»{name}« har ændringer, der ikke er gemt.",
                   "Vil du gemme dem, før du går videre?",
                   [("Gem", "save", role.AcceptRole), ("Kassér ændringerne", "discard", role.DestructiveRole),
                    ("Annullér", "cancel", role.RejectRole)], "cancel")


def _message_box(parent: QWidget | None, icon, title: str, text: str):
    return QtWidgets.QMessageBox(icon, title, text, QtWidgets.QMessageBox.StandardButton.NoButton, parent)


def _shown(box) -> int:
    """exec() a message box wide enough for the window manager to show its title in full (it
    cut »Ikke gemte ændrin…ompetencedialog«). QMessageBox sizes itself from its contents and
    ignores a minimum width; a spacer across the bottom of its grid, added last, widens it."""
    layout = box.layout()
    spacer = QtWidgets.QSpacerItem(title_width(box, box.windowTitle()), 0, QtWidgets.QSizePolicy.Policy.Minimum,
                                   QtWidgets.QSizePolicy.Policy.Fixed)
    layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
    return box.exec()


def _tell(parent: QWidget | None, icon, title: str, message: str) -> None:
    box = _message_box(parent, icon, title, message)
    box.setStandardButtons(QtWidgets.QMessageBox.StandardButton.Ok)
    _shown(box)


def show_error(parent: QWidget, title: str, message: str) -> None:
    _tell(parent, QtWidgets.QMessageBox.Icon.Critical, title, message)


def show_info(parent: QWidget, title: str, message: str) -> None:
    """Something the user should know that is not a fault (nothing new to fetch, and the like)."""
    _tell(parent, QtWidgets.QMessageBox.Icon.Information, title, message)


# --- files -------------------------------------------------------------------------------------
# Qt's own file dialog (offscreen, and X11 without a desktop's dialog) leaves some labels in English
# even with qtbase_da loaded; the native dialogs of Windows, macOS and GNOME/KDE ignore these texts.
def file_labels() -> dict:
    return {
        QtWidgets.QFileDialog.DialogLabel.LookIn: "Mappe:",
        QtWidgets.QFileDialog.DialogLabel.FileName: "Filnavn:",
        QtWidgets.QFileDialog.DialogLabel.FileType: "Filtype:",
        QtWidgets.QFileDialog.DialogLabel.Reject: "Annuller",
    }


def start_folder(near: Path | None = None) -> Path:
    """Where a file dialog starts: the open workshop's folder, else the folder of the newest
    recent file, else the home folder (never the program's working folder)."""
    from ..storage.settings import recent_files

    candidates = [Path(near).parent] if near is not None else []
    candidates += [p.parent for p in recent_files()]
    return next((c for c in candidates if c.is_dir()), Path.home())


def _sidebar(folder: Path) -> list[QUrl]:
    """Home, Desktop and Documents (whichever exist) and the start folder, in the user's words."""
    home = Path.home()
    places = [home, *(home / name for name in ("Skrivebord", "Desktop", "Dokumenter", "Documents"))]
    places.append(folder)
    seen: list[Path] = []
    for place in places:
        if place.is_dir() and place not in seen:
            seen.append(place)
    return [QUrl.fromLocalFile(str(p)) for p in seen]


def title_width(dialog: QWidget, title: str, least: int = 380) -> int:
    """The width its title bar needs (the system adds » — Kompetencedialog« and its buttons)."""
    font = QFont(dialog.font())
    font.setBold(True)
    shown = f"{title} — {QApplication.applicationDisplayName() or 'Kompetencedialog'}"
    return max(least, QFontMetrics(font).horizontalAdvance(shown) + 180)


def fit_width(dialog: QWidget, title: str, least: int = 380) -> None:
    """Wide enough for its title bar, so no »Saml i…dialog«."""
    width = title_width(dialog, title, least)
    dialog.setMinimumWidth(width)
    if isinstance(dialog, QtWidgets.QInputDialog):  # its layout sets the size from its contents: widen the label
        for label in dialog.findChildren(QLabel):
            label.setMinimumWidth(width - 40)


def file_dialog(parent: QWidget, title: str, start: str, file_filter: str, accept: str,
                mode: QtWidgets.QFileDialog.FileMode, saving: bool = False) -> QtWidgets.QFileDialog:
    """A file dialog in Danish, sized for the file list (name, size, type and date readable)."""
    dialog = QtWidgets.QFileDialog(parent, title, start, file_filter)
    dialog.setFileMode(mode)
    dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptMode.AcceptSave if saving else QtWidgets.QFileDialog.AcceptMode.AcceptOpen)
    if mode == QtWidgets.QFileDialog.FileMode.Directory:
        dialog.setOption(QtWidgets.QFileDialog.Option.ShowDirsOnly, True)
    for label, text in file_labels().items():
        dialog.setLabelText(label, text)
    dialog.setLabelText(QtWidgets.QFileDialog.DialogLabel.Accept, accept)
    folder = Path(start) if Path(start).is_dir() else Path(start).parent
    dialog.setSidebarUrls(_sidebar(folder))
    fit_width(dialog, title, 640)
    screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else None
    width, height = 940, 580
    if area is not None:
        width, height = min(width, area.width() * 9 // 10), min(height, area.height() * 85 // 100)
    dialog.resize(width, height)
    tree = dialog.findChild(QtWidgets.QTreeView, "treeView")
    if tree is not None:  # Qt's own dialog: the name column takes the room, the others fit their text
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
    return dialog


def _chosen(dialog: QtWidgets.QFileDialog) -> list[str]:
    return dialog.selectedFiles() if dialog.exec() == QtWidgets.QFileDialog.DialogCode.Accepted else []


def ask_open_path(parent: QWidget, title: str = "Åbn workshop", near: Path | None = None) -> Path | None:
    names = _chosen(file_dialog(parent, title, str(start_folder(near)), FILE_FILTER, "Åbn",
                                QtWidgets.QFileDialog.FileMode.ExistingFile))
    return Path(names[0]) if names else None


def ask_save_path(parent: QWidget, suggestion: str) -> Path | None:
    names = _chosen(file_dialog(parent, "Gem workshop som", suggestion, FILE_FILTER, "Gem",
                                QtWidgets.QFileDialog.FileMode.AnyFile, saving=True))
    if not names:
        return None
    path = Path(names[0])
    return path if path.suffix.lower() == ".kdlg" else path.with_name(path.name + ".kdlg")


def ask_text(parent: QWidget, title: str, label: str, default: str = "") -> str | None:
    dialog = QtWidgets.QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(default)
    dialog.setCancelButtonText("Annuller")
    fit_width(dialog, title)
    return dialog.textValue() if dialog.exec() == QtWidgets.QInputDialog.DialogCode.Accepted else None


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    button = QtWidgets.QMessageBox.StandardButton
    box = _message_box(parent, QtWidgets.QMessageBox.Icon.Question, title, question)
    box.setStandardButtons(button.Yes | button.No)
    return _shown(box) == button.Yes


def ask_export_path(parent: QWidget, title: str, suggestion: str, file_filter: str, suffix: str) -> Path | None:
    names = _chosen(file_dialog(parent, title, suggestion, file_filter, "Gem",
                                QtWidgets.QFileDialog.FileMode.AnyFile, saving=True))
    if not names:
        return None
    path = Path(names[0])
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_folder(parent: QWidget, title: str, near: Path | None = None) -> Path | None:
    names = _chosen(file_dialog(parent, title, str(start_folder(near)), "", "Vælg mappen",
                                QtWidgets.QFileDialog.FileMode.Directory))
    return Path(names[0]) if names else None


def edit_front_page(parent: QWidget, project) -> dict | None:
    """The front-page dialog; returns the new values, or None when cancelled."""
    from .front_page_dialog import FrontPageDialog

    dialog = FrontPageDialog(project, parent)
    return dialog.values() if dialog.exec() == FrontPageDialog.DialogCode.Accepted else None


def ask_int(parent: QWidget, title: str, label: str, value: int, minimum: int, maximum: int) -> int | None:
    dialog = QtWidgets.QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QtWidgets.QInputDialog.InputMode.IntInput)
    dialog.setIntRange(minimum, maximum)
    dialog.setIntValue(value)
    dialog.setCancelButtonText("Annuller")
    fit_width(dialog, title)
    return dialog.intValue() if dialog.exec() == QtWidgets.QInputDialog.DialogCode.Accepted else None


def ask_recovery(parent: QWidget, description: str) -> str:
    """'restore', 'later' or 'discard' for one piece of unsaved work found after a crash."""
    role = QtWidgets.QMessageBox.ButtonRole
    return _choose(parent, "Ikke gemt arbejde fundet",
                   "Programmet blev ikke lukket rigtigt sidste gang. Dette arbejde blev ikke gemt:",
                   f"{description}\n\nVil du gendanne det nu?",
                   [("Gendan", "restore", role.AcceptRole), ("Kassér det", "discard", role.DestructiveRole),
                    ("Senere", "later", role.RejectRole)], "later")


def ask_open_paths(parent: QWidget, near: Path | None = None) -> list[Path]:
    names = _chosen(file_dialog(parent, "Vælg gruppernes GRUS-filer (workshop 2)", str(start_folder(near)),
                                FILE_FILTER, "Hent", QtWidgets.QFileDialog.FileMode.ExistingFiles))
    return [Path(n) for n in names]
