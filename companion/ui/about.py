"""Help ▸ About: the version, the licence, what the app is built on, where the library's facts
come from, and that it gives no medical advice."""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from companion import APP_NAME, __version__
from companion.ui import theme
from companion.ui.widgets.common import button, heading, label, note

if TYPE_CHECKING:
    from companion.library.service import LibraryService

LICENCE = "GPL-3.0-or-later"
LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"


class AboutDialog(QDialog):
    def __init__(self, library: LibraryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About HER2 Companion"))
        self.setAccessibleName(self.tr("About HER2 Companion"))
        self.setMinimumWidth(theme.em(self, 34))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("HER2 Companion")))
        self.version_label = label(self.tr("Version {version}").format(version=__version__))
        layout.addWidget(self.version_label)
        layout.addWidget(
            label(
                self.tr(
                    "A private notebook for living with HER2-positive metastatic breast cancer. "
                    "Everything you enter stays on this computer."
                )
            )
        )
        layout.addWidget(
            note(
                self.tr(
                    "This app gives general information and helps you keep track. It does not "
                    "give medical advice. Your care team decides your treatment. If you feel "
                    "very unwell, call your care team or emergency services now."
                ),
                self.tr("Not medical advice"),
            )
        )
        info = library.info
        self.library_label = label(
            self.tr(
                "The library holds {entries} entries and {facts} facts. Each fact names its "
                "source and the date it was last reviewed; there are {sources} sources, such "
                "as {examples}. The Library page shows the source of every fact."
            ).format(
                entries=info.get("entries", "?"),
                facts=info.get("facts", "?"),
                sources=len(library.sources()),
                examples=self.tr(
                    "the FDA prescribing information, the National Cancer Institute, "
                    "ASCO and NCCN guidelines and the published trials"
                ),
            )
        )
        layout.addWidget(self.library_label)
        self.licence_label = label(
            self.tr(
                "Free software under the GNU General Public License, version 3 or later "
                '({licence}): you may share and change it. <a href="{url}">Read the licence</a>. '
                "It comes with no warranty."
            ).format(licence=LICENCE, url=LICENCE_URL)
        )
        self.licence_label.setTextFormat(Qt.TextFormat.RichText)
        self.licence_label.setOpenExternalLinks(True)
        self.licence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.licence_label)
        self.credits_label = label(
            self.tr(
                "Built with Qt {qt} and PySide6 {pyside} (Qt for Python, LGPL-3.0), "
                "SQLAlchemy, Alembic, platformdirs and icalendar, on Python {python}."
            ).format(qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version())
        )
        layout.addWidget(self.credits_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.about_qt_button = button(self.tr("About &Qt"), self.tr("About Qt"))
        self.about_qt_button.clicked.connect(lambda: QMessageBox.aboutQt(self, APP_NAME))
        buttons.addButton(self.about_qt_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        layout.addWidget(buttons)
