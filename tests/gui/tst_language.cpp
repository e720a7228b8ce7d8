// The window's language: the system's unless Preferences → Language chose one, which takes effect at
// the next start (main() reads it before any window is built); Qt's own buttons and dialogs speak it
// too, from Qt's translations (Debian qt6-translations-l10n).
#include "storage/Settings.h"
#include "ui/PreferencesDialog.h"
#include "ui/Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void preferencesChooseTheLanguageOfTheNextStart();
    void qtsOwnTextsFollowTheLanguage();

private:
    QTemporaryDir m_dir;
};

void TestLanguage::cleanup()
{
    const QList<QTranslator *> translators = qApp->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void TestLanguage::preferencesChooseTheLanguageOfTheNextStart()
{
    const QString file = m_dir.filePath(u"language.ini"_s);
    QCOMPARE(arr::chosenLanguage(file), QLocale::system());
    {
        arr::Settings settings(file);
        arr::PreferencesDialog dialog(&settings, {});
        auto *combo = dialog.findChild<QComboBox *>(u"languageCombo"_s);
        QVERIFY(combo);
        QStringList names;
        QStringList codes;
        for (int i = 0; i < combo->count(); ++i) {
            names << combo->itemText(i);
            codes << combo->itemData(i).toString();
        }
        QCOMPARE(names, QStringList({u"System"_s, u"English"_s, u"Deutsch"_s}));
        QCOMPARE(codes, QStringList({QString(), u"en"_s, u"de"_s}));
        QCOMPARE(combo->currentIndex(), 0);
        QVERIFY(dialog.findChild<QLabel *>(u"languageNoteLabel"_s)->text().contains(u"next start"_s));
        combo->setCurrentIndex(2);
        dialog.accept();
    }
    QCOMPARE(arr::Settings(file).language(), u"de"_s);
    QCOMPARE(arr::chosenLanguage(file).language(), QLocale::German);

    arr::Settings settings(file);
    arr::PreferencesDialog again(&settings, {});
    QCOMPARE(again.findChild<QComboBox *>(u"languageCombo"_s)->currentText(), u"Deutsch"_s);
    // Back to the system's: the setting goes.
    again.findChild<QComboBox *>(u"languageCombo"_s)->setCurrentIndex(0);
    again.accept();
    QVERIFY(!arr::Settings(file).contains(arr::Settings::Key::Language));
}

void TestLanguage::qtsOwnTextsFollowTheLanguage()
{
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_de.qm"_s))
        QSKIP("Qt's German translation is not installed (Debian: qt6-translations-l10n)");
    arr::installTranslations(QLocale(QLocale::German));
    QDialogButtonBox german(QDialogButtonBox::Cancel);
    QCOMPARE(german.button(QDialogButtonBox::Cancel)->text(), u"Abbrechen"_s);
    cleanup();
    arr::installTranslations(QLocale(QLocale::English));
    QDialogButtonBox english(QDialogButtonBox::Cancel);
    QCOMPARE(english.button(QDialogButtonBox::Cancel)->text(), u"Cancel"_s);
}

QTEST_MAIN(TestLanguage)

#include "tst_language.moc"
