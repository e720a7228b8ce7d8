#pragma once

#include <QString>

class QLocale;

namespace arr {

// Installs the desktop app's translations for `locale` (by default the system's) on the running
// QCoreApplication: Qt's own, from Qt's translations directory, for its standard dialogs and buttons;
// the app's English one, which holds the plural forms of the source texts ("1 session", "2 sessions");
// and the app's one for the locale's language, where there is one, asked before the English one.
// The app's translations are compiled into it under :/i18n (ui/CMakeLists.txt, resources/translations).
// Call once, right after the application object exists. Returns the language of the app's translation
// asked first, as its .ts file names it ("en"), or an empty string when none could be installed.
QString installTranslations();
QString installTranslations(const QLocale &locale);

// The locale whose language the window speaks: the system's, or the language chosen in the
// preferences (Settings::language()) read from `settingsFile` (the default settings when empty).
// Numbers, money and dates keep following the system's locale either way: the choice is of words.
QLocale chosenLanguage(const QString &settingsFile);

} // namespace arr
