#include "storage/AccountStore.h"
#include "storage/Settings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

arr::Account sampleAccount(const QString &name = u"Production"_s)
{
    arr::Account account;
    account.name = name;
    account.accountId = u"11111111-2222-3333-4444-555555555555"_s;
    account.endpoint = arr::regionEndpoint(u"westeurope"_s);
    account.tokenEndpoint = arr::defaultTokenEndpoint();
    return account;
}

} // namespace

// Preferences with defaults and bounds, and the saved accounts (never their keys).
class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAndRoundTrip();
    void corruptValuesAreBounded();
    void languageIsTheSystemsUnlessChosen();
    void accountsPersist();
    void accountsAreValidated();
    void brokenEntriesAreReportedNotDropped();
    void badNamesAreReportedNotLoaded();
    void entriesThatDidNotLoadSurviveASave();

private:
    QTemporaryDir m_dir;
    QString file(const QString &name) const { return m_dir.filePath(name); }
};

void TestSettings::defaultsAndRoundTrip()
{
    arr::Settings settings(file(u"roundtrip.ini"_s));
    QCOMPARE(settings.pollIntervalSeconds(), 10);
    QCOMPARE(settings.criticalThresholdMinutes(), 10);
    QCOMPARE(settings.value(arr::Settings::Key::HideFinishedSessions).toBool(), false);
    settings.setValue(arr::Settings::Key::PollIntervalSeconds, 30);
    settings.setValue(arr::Settings::Key::HideFinishedSessions, true);
    settings.sync();

    arr::Settings reread(file(u"roundtrip.ini"_s));
    QCOMPARE(reread.pollIntervalSeconds(), 30);
    QCOMPARE(reread.value(arr::Settings::Key::HideFinishedSessions).toBool(), true);
    reread.reset(arr::Settings::Key::PollIntervalSeconds);
    QCOMPARE(reread.pollIntervalSeconds(), 10);
}

void TestSettings::corruptValuesAreBounded()
{
    {
        QSettings raw(file(u"corrupt.ini"_s), QSettings::IniFormat);
        raw.setValue(u"monitor/pollIntervalSeconds"_s, 1);
        raw.setValue(u"table/warningThresholdMinutes"_s, u"lots"_s);
        raw.setValue(u"notifications/expiryMinutes"_s, 999999);
    }
    arr::Settings settings(file(u"corrupt.ini"_s));
    QCOMPARE(settings.pollIntervalSeconds(), arr::Settings::MinimumPollIntervalSeconds);
    QCOMPARE(settings.warningThresholdMinutes(), 30);
    QCOMPARE(settings.expiryNotificationMinutes(), 24 * 60);
}

void TestSettings::languageIsTheSystemsUnlessChosen()
{
    {
        arr::Settings settings(file(u"language.ini"_s));
        QCOMPARE(settings.language(), QString());
        QVERIFY(arr::Settings::languages().contains(u"de"_s));
        settings.setLanguage(u"de"_s);
    }
    arr::Settings reread(file(u"language.ini"_s));
    QCOMPARE(reread.language(), u"de"_s);
    // A language the app does not have (a hand-edited file) is no choice: the system's language.
    reread.setLanguage(u"tlh"_s);
    QCOMPARE(reread.language(), QString());
    {
        QSettings raw(file(u"language.ini"_s), QSettings::IniFormat);
        raw.setValue(u"ui/language"_s, u"xx"_s);
    }
    QCOMPARE(arr::Settings(file(u"language.ini"_s)).language(), QString());
    reread.setLanguage(QString());
    QVERIFY(!reread.contains(arr::Settings::Key::Language));
}

void TestSettings::accountsPersist()
{
    QSettings raw(file(u"accounts.ini"_s), QSettings::IniFormat);
    {
        arr::AccountStore store(&raw);
        QSignalSpy changed(&store, &arr::AccountStore::accountsChanged);
        QVERIFY(store.save(sampleAccount()).isEmpty());
        arr::Account staging = sampleAccount(u"Staging"_s);
        staging.enabled = false;
        QVERIFY(store.save(staging).isEmpty());
        QCOMPARE(changed.count(), 2);
        // Renaming keeps one entry.
        arr::Account renamed = sampleAccount(u"Prod EU"_s);
        QVERIFY(store.save(renamed, u"Production"_s).isEmpty());
        QCOMPARE(store.accounts().size(), 2);
    }
    arr::AccountStore reloaded(&raw);
    QCOMPARE(reloaded.accounts().size(), 2);
    QVERIFY(reloaded.find(u"prod eu"_s).has_value());
    QVERIFY(!reloaded.find(u"Staging"_s)->enabled);
    reloaded.setEnabled(u"Staging"_s, true);
    reloaded.remove(u"Prod EU"_s);
    QCOMPARE(reloaded.accounts().size(), 1);
    QVERIFY(reloaded.find(u"Staging"_s)->enabled);
}

void TestSettings::accountsAreValidated()
{
    QSettings raw(file(u"validated.ini"_s), QSettings::IniFormat);
    arr::AccountStore store(&raw);
    arr::Account noId = sampleAccount();
    noId.accountId.clear();
    QVERIFY(!store.save(noId).isEmpty());
    arr::Account badId = sampleAccount();
    badId.accountId = u"not-a-guid"_s;
    QVERIFY(!store.save(badId).isEmpty());
    arr::Account plainHttp = sampleAccount();
    plainHttp.endpoint = QUrl(u"http://remoterendering.example.com"_s);
    QVERIFY(store.save(plainHttp).contains(u"http"_s));
    QVERIFY(store.save(sampleAccount()).isEmpty());
    arr::Account other = sampleAccount(u"Other"_s);
    QVERIFY(store.save(other).isEmpty());
    // Renaming onto an existing name is refused and changes nothing.
    QVERIFY(!store.save(sampleAccount(u"PRODUCTION"_s), u"Other"_s).isEmpty());
    QCOMPARE(store.accounts().size(), 2);
    QVERIFY(store.accounts().constLast().name == u"Other"_s);
}

void TestSettings::brokenEntriesAreReportedNotDropped()
{
    QSettings raw(file(u"broken.ini"_s), QSettings::IniFormat);
    raw.beginWriteArray(u"accounts"_s, 2);
    raw.setArrayIndex(0);
    raw.setValue(u"name"_s, u"Good"_s);
    raw.setValue(u"accountId"_s, u"11111111-2222-3333-4444-555555555555"_s);
    raw.setValue(u"endpoint"_s, u"https://remoterendering.westus2.mixedreality.azure.com"_s);
    raw.setValue(u"tokenEndpoint"_s, u"https://sts.mixedreality.azure.com"_s);
    raw.setArrayIndex(1);
    raw.setValue(u"name"_s, u"Broken"_s);
    raw.setValue(u"accountId"_s, u"???"_s);
    raw.endArray();
    arr::AccountStore store(&raw);
    QCOMPARE(store.accounts().size(), 1);
    QCOMPARE(store.loadProblems().size(), 1);
    QVERIFY(store.loadProblems().first().contains(u"Broken"_s));
}

void TestSettings::badNamesAreReportedNotLoaded()
{
    QSettings raw(file(u"names.ini"_s), QSettings::IniFormat);
    const QStringList names{u"Good"_s, u"Prod\r\nFake banner"_s, u"Prod\u202Enoitc"_s, QString(5000, u'x')};
    raw.beginWriteArray(u"accounts"_s, int(names.size()));
    for (int i = 0; i < names.size(); ++i) {
        raw.setArrayIndex(i);
        raw.setValue(u"name"_s, names.at(i));
        raw.setValue(u"accountId"_s, u"11111111-2222-3333-4444-55555555555%1"_s.arg(i));
        raw.setValue(u"endpoint"_s, u"https://remoterendering.westus2.mixedreality.azure.com"_s);
        raw.setValue(u"tokenEndpoint"_s, u"https://sts.mixedreality.azure.com"_s);
    }
    raw.endArray();
    arr::AccountStore store(&raw);
    QCOMPARE(store.accounts().size(), 1);
    QCOMPARE(store.accounts().constFirst().name, u"Good"_s);
    const QStringList problems = store.loadProblems();
    QCOMPARE(problems.size(), 3);
    QCOMPARE(problems.at(0),
        u"Saved account 2 (\"Prod\\x0D\\x0AFake banner\") was not loaded: The account name contains a control "
        "character, a line break or a text-direction mark; use letters, digits, spaces and punctuation."_s);
    QVERIFY(problems.at(1).contains(u"Prod\\u202Enoitc"_s));
    QCOMPARE(problems.at(2),
        u"Saved account 4 (\"%1\u2026\") was not loaded: The account name is longer than 100 characters."_s.arg(
            QString(100, u'x')));
    // Refused on input too.
    arr::Account account = store.accounts().constFirst();
    account.name = names.at(1);
    QCOMPARE(store.save(account, u"Good"_s), arr::accountNameError(names.at(1)));
}

// The file's text of each entry of the accounts array, read without AccountStore.
static QList<QMap<QString, QString>> accountEntries(const QString &path)
{
    QSettings raw(path, QSettings::IniFormat);
    QList<QMap<QString, QString>> entries;
    const int count = raw.beginReadArray(u"accounts"_s);
    for (int i = 0; i < count; ++i) {
        raw.setArrayIndex(i);
        QMap<QString, QString> entry;
        const QStringList keys = raw.allKeys();
        for (const QString &key : keys)
            entry.insert(key, raw.value(key).toString());
        entries.append(entry);
    }
    raw.endArray();
    return entries;
}

void TestSettings::entriesThatDidNotLoadSurviveASave()
{
    const QString path = file(u"seventeen.ini"_s);
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.beginWriteArray(u"accounts"_s, 17);
        for (int i = 0; i < 17; ++i) {
            raw.setArrayIndex(i);
            const bool good = i == 0 || i == 8 || i == 16;
            raw.setValue(u"name"_s, good ? u"Good %1"_s.arg(i) : u"Entry %1"_s.arg(i));
            raw.setValue(u"accountId"_s, u"11111111-2222-3333-4444-5555555555%1"_s.arg(i, 2, 10, QChar(u'0')));
            raw.setValue(u"endpoint"_s, u"https://remoterendering.westus2.mixedreality.azure.com"_s);
            raw.setValue(u"tokenEndpoint"_s, u"https://sts.mixedreality.azure.com"_s);
            raw.setValue(u"enabled"_s, true);
            if (good)
                continue;
            // A newer build's API version, a hand-edited typo, a duplicate name, and a key this build
            // has never heard of.
            if (i % 3 == 0)
                raw.setValue(u"apiVersion"_s, u"2031-06-01"_s);
            else if (i % 3 == 1)
                raw.setValue(u"accountId"_s, u"1111-typo"_s);
            else
                raw.setValue(u"name"_s, u"good 0"_s);
            raw.setValue(u"futureSetting"_s, u"kept %1"_s.arg(i));
        }
        raw.endArray();
    }
    const QList<QMap<QString, QString>> before = accountEntries(path);
    QCOMPARE(before.size(), 17);
    {
        QSettings raw(path, QSettings::IniFormat);
        arr::AccountStore store(&raw);
        QCOMPARE(store.accounts().size(), 3);
        QCOMPARE(store.loadProblems().size(), 14);
        store.setEnabled(u"Good 8"_s, false);
    }
    const QList<QMap<QString, QString>> after = accountEntries(path);
    QCOMPARE(after.size(), 17);
    for (int i = 0; i < 17; ++i) {
        if (i == 0 || i == 8 || i == 16) {
            QCOMPARE(after[i].value(u"name"_s), u"Good %1"_s.arg(i));
            QCOMPARE(after[i].value(u"enabled"_s), i == 8 ? u"false"_s : u"true"_s);
        } else {
            QCOMPARE(after[i], before[i]);
        }
    }
    // Adding and removing accounts keeps every entry that did not load, unchanged.
    {
        QSettings raw(path, QSettings::IniFormat);
        arr::AccountStore store(&raw);
        QCOMPARE(store.save(sampleAccount(u"Added"_s)), QString());
        store.remove(u"Good 0"_s);
    }
    const QList<QMap<QString, QString>> edited = accountEntries(path);
    QCOMPARE(edited.size(), 17);
    QCOMPARE(edited.last().value(u"name"_s), u"Added"_s);
    for (int i = 0; i < 17; ++i) {
        if (i != 0 && i != 8 && i != 16)
            QCOMPARE(edited.count(before[i]), 1);
    }
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
