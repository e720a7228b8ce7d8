#include "ui/Translations.h"

#include "storage/Settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Loads `name`_<language>.qm from `directory` for the first of the locale's UI languages that has one
// and installs it; returns the translator's language or an empty string.
QString install(const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, u"_"_s, directory) || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return {};
    }
    return translator->language();
}

} // namespace

QString installTranslations()
{
    return installTranslations(QLocale::system());
}

QString installTranslations(const QLocale &locale)
{
    if (!QCoreApplication::instance())
        return {};
    // "qt": on Linux a catalogue that loads qtbase_<language>.qm beside it; in the Windows and macOS
    // packages, the one file into which windeployqt and macdeployqt merge the modules' translations.
    install(locale, u"qt"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // English first: it holds the plural forms of the source texts, and it is what a translation falls
    // back to where it is incomplete, because the translators installed later are asked first.
    const QString app = u"arr-session-manager"_s;
    const QString resources = u":/i18n"_s;
    const QString english = install(QLocale(QLocale::English), app, resources);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return english;
    const QString localized = install(locale, app, resources);
    return localized.isEmpty() ? english : localized;
}

QLocale chosenLanguage(const QString &settingsFile)
{
    const Settings settings = settingsFile.isEmpty() ? Settings() : Settings(settingsFile);
    const QString code = settings.language();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

} // namespace arr
