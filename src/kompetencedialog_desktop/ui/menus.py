"""The main window's menus: every command once, with its shortcut. Help > Genveje reads them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu


def add_action(menu: QMenu, text: str, shortcut, slot) -> QAction:
    action = menu.addAction(text)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    action.triggered.connect(slot)
    return action


def command_actions(bar) -> list[tuple[str, QAction]]:
    """Every command of the menu bar with a shortcut, as (menu title, action), in menu order."""
    found = []
    for menu_action in bar.actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        stack = [(menu_action.text().replace("&", ""), a) for a in menu.actions()]
        while stack:
            area, action = stack.pop(0)
            if action.menu() is not None:
                stack[:0] = [(area, a) for a in action.menu().actions()]
            elif action.shortcuts():
                found.append((area, action))
    return found


def build_menus(self) -> None:  # noqa: PLR0915 - one list of commands reads best in one place
    """The menu bar of `self` (the main window): every command, with its shortcut."""
    bar = self.menuBar()
    keys = QKeySequence.StandardKey
    file_menu = bar.addMenu("&Filer")
    add_action(file_menu, "Ny workshop 1: Kompetencestrategi", keys.New, lambda: self.files.new("strategi"))
    add_action(file_menu, "Ny workshop 2: GRUS", "Ctrl+Shift+N", lambda: self.files.new("grus"))
    add_action(file_menu, "Åbn …", keys.Open, lambda: self.files.open())
    self.recent_menu = file_menu.addMenu("Seneste filer")
    file_menu.addSeparator()
    self.save_action = add_action(file_menu, "Gem", keys.Save, self.files.save)
    self.save_as_action = add_action(file_menu, "Gem som …", "Ctrl+Shift+S", self.files.save_as)
    file_menu.addSeparator()
    export_menu = file_menu.addMenu("Eksportér")
    self.export_actions = [
        add_action(export_menu, "Til Word (strategi eller plan) …", "Ctrl+E", self.exports.export_word),
        add_action(export_menu, "Pladerne som PDF …", None, self.exports.export_pdf),
        add_action(export_menu, "Pladerne som billeder (PNG) …", None, self.exports.export_png),
        add_action(export_menu, "Fælles opspil til MUS (GRUS) …", None, self.loop.export_mus),
    ]
    self.mus_action = self.export_actions[-1]
    # A strategy workshop has no »Fælles opspil til MUS«: the item is there only in a GRUS.
    self.files.document_changed.connect(
        lambda document: self.mus_action.setVisible(document is not None and document.project.workshop == "grus"))
    self.mus_action.setVisible(False)
    self.fetch_areas_action = add_action(file_menu, "Hent indsatsområder fra kompetencestrategien …", None,
                                           lambda: self.loop.fetch_focus_areas())
    file_menu.addSeparator()
    add_action(file_menu, "Afslut", keys.Quit, self.close)

    edit = bar.addMenu("&Rediger")
    # The undo group follows the open workshop's stack; the texts say what they undo ("Fortryd Ny post-it").
    self.undo_action = self.undo_group.createUndoAction(self, "Fortryd")
    self.undo_action.setShortcuts([QKeySequence(keys.Undo)])
    self.redo_action = self.undo_group.createRedoAction(self, "Gentag")
    self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    edit.addAction(self.undo_action)
    edit.addAction(self.redo_action)
    edit.addSeparator()
    na = self.note_actions
    for action in (na.edit, na.duplicate, na.delete, na.select_all):
        edit.addAction(action)
    colour_menu = edit.addMenu("Farve")
    for action in na.colours:
        colour_menu.addAction(action)
    edit.addSeparator()
    for action in (na.group, na.ungroup, na.rename_cluster):
        edit.addAction(action)
    edit.addSeparator()
    add_action(edit, "Forside og deltagere …", None, self.edit_front_page)

    view = bar.addMenu("&Vis")
    for i in range(3):
        add_action(view, f"Dialogplade {i + 1}", f"Ctrl+{i + 1}", lambda checked=False, index=i: self.show_board(index))
    add_action(view, "Plan og skabelon", "Ctrl+4", lambda: self.tabs.setCurrentIndex(3))
    view.addSeparator()
    add_action(view, "Tilpas pladen til vinduet", "Ctrl+0", lambda: self._with_view(lambda v: v.fit_board()))
    add_action(view, "Zoom ind", [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")], lambda: self._with_view(lambda v: v.zoom_by(1.25, False)))
    add_action(view, "Zoom ud", "Ctrl+-", lambda: self._with_view(lambda v: v.zoom_by(0.8, False)))
    view.addSeparator()
    add_action(view, "Fuld skærm", "F11", self.toggle_full_screen)
    add_action(view, "Skriv ny post-it", "Ctrl+L", self._focus_entry)
    self.dock_action = add_action(view, "Facilitatorpanel", "F9", self._toggle_dock)

    facilitate = bar.addMenu("F&acilitering")
    f = self._facilitation
    add_action(facilitate, "Næste kort", "PgDown", lambda: f("cards", lambda c: c.go(c.current + 1)))
    add_action(facilitate, "Forrige kort", "PgUp", lambda: f("cards", lambda c: c.go(c.current - 1)))
    add_action(facilitate, "Kortet er drøftet", "F4", lambda: f("cards", lambda c: c.toggle_discussed()))
    facilitate.addSeparator()
    add_action(facilitate, "Start / pause tiden", "F5", lambda: f("session", lambda s: s.toggle()))
    add_action(facilitate, "Ét minut mere", "F6", lambda: f("session", lambda s: s.add_minutes(1)))
    add_action(facilitate, "Fem minutter mere", "Shift+F6", lambda: f("session", lambda s: s.add_minutes(5)))
    add_action(facilitate, "Næste trin", "F7", lambda: f("session", lambda s: s.next_step()))
    add_action(facilitate, "Nulstil trinnets tid", "Shift+F7", lambda: f("session", lambda s: s.reset()))
    add_action(facilitate, "Fordel resten af tiden …", None, lambda: self.dock and self.dock.respread())
    facilitate.addSeparator()
    for action in (*self.voting.actions, self.voting.top, self.voting.budget):
        facilitate.addAction(action)
    facilitate.addSeparator()
    # A lambda: triggered(checked) must not reach toggle_projector as a screen (F10 would never close it).
    add_action(facilitate, "Vis / skjul projektorvisning", "F10", lambda: self.toggle_projector())
    add_action(facilitate, "Sort projektor (pause)", "Ctrl+B", lambda: self.projector and self.projector.toggle_blank())
    self.screen_menu = facilitate.addMenu("Flyt projektorvisningen til")
    self.screen_menu.aboutToShow.connect(self._fill_screen_menu)

    help_menu = bar.addMenu("&Hjælp")
    add_action(help_menu, "Sådan bruger I programmet", None, lambda: _show_help(self))
    add_action(help_menu, "Genveje", "F1", lambda: _show_shortcuts(self))
    help_menu.addSeparator()
    add_action(help_menu, "Om Kompetencedialog", None, lambda: _show_about(self))

    undo_redo = (self.undo_action, self.redo_action)  # enabled by the undo group alone
    self.workshop_actions = [self.save_action, self.save_as_action,
                             *self.export_actions, *facilitate.actions(), *
                             [a for a in edit.actions() if not a.isSeparator() and a not in undo_redo], *view.actions()]


def _show_shortcuts(window) -> None:
    from .shortcuts_dialog import ShortcutsDialog  # its table classes are imported when first asked for

    ShortcutsDialog(window).exec()


def _show_help(window) -> None:
    from .help_dialogs import HelpDialog  # imported when first asked for, like the shortcuts

    HelpDialog(window).exec()


def _show_about(window) -> None:
    from .help_dialogs import AboutDialog

    AboutDialog(window).exec()
