#include "cli/CommandLine.h"
#include "cli/Output.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using arr::cli::CommandKind;
using arr::cli::ParseResult;

namespace {

const QString AccountId = u"01234567-89ab-cdef-0123-456789abcdef"_s;

QProcessEnvironment connectionEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(u"ARRSM_ENDPOINT"_s, u"https://remoterendering.westus2.mixedreality.azure.com"_s);
    environment.insert(u"ARRSM_ACCOUNT_ID"_s, AccountId);
    environment.insert(u"ARRSM_ACCOUNT_KEY"_s, u"a-key"_s);
    return environment;
}

ParseResult parse(const QStringList &arguments, const QProcessEnvironment &environment = connectionEnvironment())
{
    return arr::cli::parseCommandLine(QStringList{u"arrsm"_s} + arguments, environment);
}

arr::Session readySession()
{
    arr::Session session;
    session.id = u"s1"_s;
    session.status = arr::SessionStatus::Ready;
    session.size = u"standard"_s;
    session.hostname = u"host.example"_s;
    session.elapsed = arr::TimeSpan::fromMinutes(30);
    session.maxLease = arr::TimeSpan::fromHours(4);
    return session;
}

} // namespace

// arrsm's argument parsing and output formatting, without a process or a server.
class TestCliCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void optionsBeforeAndAfterTheCommand();
    void createWithEveryOption();
    void leaseIsChecked_data();
    void leaseIsChecked();
    void modelMustBeAnAbsoluteHttpUrl_data();
    void modelMustBeAnAbsoluteHttpUrl();
    void usageErrors_data();
    void usageErrors();
    void environmentStandsInForOptions();
    void optionOverridesEnvironment();
    void missingConnectionNamesWhatToSet_data();
    void missingConnectionNamesWhatToSet();
    void endpointsAreChecked_data();
    void endpointsAreChecked();
    void savedAccountReplacesTheConnectionOptions();
    void waitDefaultsAndTimeout();
    void keyWithControlCharactersIsRefused();
    void endpointWithCredentialsIsRefused();
    void helpAndVersion();
    void accountsNeedsNoConnection();

    void jsonHasEveryFieldWithNulls();
    void jsonKeepsAnUnknownStatusInLowerCase();
    void remainingIsNullForAnEndedSession();
    void tableIsAligned();
    void tableShowsMessagesOnlyWhenAny();
    void emptyOutputs();
};

void TestCliCommandLine::optionsBeforeAndAfterTheCommand()
{
    for (const QStringList &arguments : {QStringList{u"--json"_s, u"show"_s, u"abc"_s},
             QStringList{u"show"_s, u"abc"_s, u"--json"_s}, QStringList{u"show"_s, u"--json"_s, u"abc"_s}}) {
        const ParseResult result = parse(arguments);
        QCOMPARE(result.action, ParseResult::Action::Run);
        QCOMPARE(result.command.kind, CommandKind::Show);
        QCOMPARE(result.command.sessionId, u"abc"_s);
        QVERIFY(result.command.json);
        QVERIFY(!result.command.verbose);
    }
    // "--" ends the options, so an id may start with a dash.
    const ParseResult dashed = parse({u"show"_s, u"--"_s, u"-odd"_s});
    QCOMPARE(dashed.action, ParseResult::Action::Run);
    QCOMPARE(dashed.command.sessionId, u"-odd"_s);
}

void TestCliCommandLine::createWithEveryOption()
{
    const ParseResult result = parse(
        {u"create"_s, u"--lease=1:30"_s, u"--size"_s, u"premium"_s, u"--model"_s, u"https://example.com/a.arrAsset"_s,
            u"--model=http://127.0.0.1/b"_s, u"--wait"_s, u"--timeout"_s, u"2.5"_s, u"--verbose"_s});
    QCOMPARE(result.action, ParseResult::Action::Run);
    const arr::cli::Command &command = result.command;
    QCOMPARE(command.kind, CommandKind::Create);
    QCOMPARE(command.lease, arr::TimeSpan::fromMinutes(90));
    QCOMPARE(command.size, u"premium"_s);
    QCOMPARE(command.models.size(), 2);
    QCOMPARE(command.models.at(0), QUrl(u"https://example.com/a.arrAsset"_s));
    QVERIFY(command.wait);
    QCOMPARE(command.timeout, 2500ms);
    QCOMPARE(command.until, arr::SessionStatus::Ready);
    QVERIFY(command.verbose);
    QCOMPARE(command.connection.accountKey, u"a-key"_s);
    QCOMPARE(command.connection.tokenEndpoint, QUrl(u"https://sts.mixedreality.azure.com"_s));
}

void TestCliCommandLine::leaseIsChecked_data()
{
    QTest::addColumn<QString>("lease");
    QTest::addColumn<qint64>("minutes"); // -1: refused
    QTest::addColumn<QString>("why");

    QTest::newRow("hours and minutes") << u"4:00"_s << qint64(240) << QString();
    QTest::newRow("with seconds") << u"0:01:00"_s << qint64(1) << QString();
    QTest::newRow("a day") << u"24:00"_s << qint64(24 * 60) << QString();
    QTest::newRow("more than a day") << u"25:00"_s << qint64(-1) << u"longer than the largest lease"_s;
    QTest::newRow("zero") << u"0:00"_s << qint64(-1) << u"shorter than the shortest lease"_s;
    QTest::newRow("seconds only") << u"0:00:30"_s << qint64(-1) << u"shorter than the shortest lease"_s;
    QTest::newRow("negative") << u"-1:00"_s << qint64(-1) << u"shorter than the shortest lease"_s;
    QTest::newRow("not a duration") << u"abc"_s << qint64(-1) << u"--lease"_s;
}

void TestCliCommandLine::leaseIsChecked()
{
    QFETCH(QString, lease);
    QFETCH(qint64, minutes);
    QFETCH(QString, why);
    for (const QStringList &arguments : {QStringList{u"create"_s, u"--size"_s, u"standard"_s, u"--lease"_s, lease},
             QStringList{u"extend"_s, u"id"_s, u"--lease="_s + lease}}) {
        const ParseResult result = parse(arguments);
        if (minutes < 0) {
            QCOMPARE(result.action, ParseResult::Action::UsageError);
            QVERIFY2(result.text.contains(why), qPrintable(result.text));
            QVERIFY(result.usage.startsWith(u"Usage: arrsm [options] "_s + arguments.first()));
        } else {
            QCOMPARE(result.action, ParseResult::Action::Run);
            QCOMPARE(result.command.lease, arr::TimeSpan::fromMinutes(minutes));
        }
    }
}

void TestCliCommandLine::modelMustBeAnAbsoluteHttpUrl_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << u"https://store.example/models/a.arrAsset?sv=1"_s << true;
    QTest::newRow("http") << u"http://store.example/a"_s << true;
    QTest::newRow("relative") << u"models/a.arrAsset"_s << false;
    QTest::newRow("no host") << u"https:///a"_s << false;
    QTest::newRow("ftp") << u"ftp://store.example/a"_s << false;
    QTest::newRow("file") << u"file:///tmp/a"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestCliCommandLine::modelMustBeAnAbsoluteHttpUrl()
{
    QFETCH(QString, model);
    QFETCH(bool, accepted);
    const ParseResult result
        = parse({u"create"_s, u"--lease"_s, u"1:00"_s, u"--size"_s, u"standard"_s, u"--model="_s + model});
    QCOMPARE(result.action, accepted ? ParseResult::Action::Run : ParseResult::Action::UsageError);
    if (!accepted)
        QVERIFY2(result.text.contains(u"--model"_s), qPrintable(result.text));
}

void TestCliCommandLine::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("why");

    QTest::newRow("no command") << QStringList{} << u"No command"_s;
    QTest::newRow("unknown command") << QStringList{u"frob"_s} << u"Unknown command \"frob\""_s;
    QTest::newRow("unknown option") << QStringList{u"list"_s, u"--frob"_s} << u"Unknown option \"--frob\""_s;
    QTest::newRow("single dash") << QStringList{u"list"_s, u"-x"_s} << u"Unknown option \"-x\""_s;
    QTest::newRow("option of another command")
        << QStringList{u"list"_s, u"--lease"_s, u"1:00"_s} << u"--lease is not an option of list"_s;
    QTest::newRow("flag with a value") << QStringList{u"list"_s, u"--json=yes"_s} << u"--json takes no value"_s;
    QTest::newRow("missing value") << QStringList{u"extend"_s, u"id"_s, u"--lease"_s} << u"--lease needs a value"_s;
    QTest::newRow("value is an option") << QStringList{u"create"_s, u"--lease"_s, u"--size"_s, u"standard"_s}
                                        << u"--lease needs a value"_s;
    QTest::newRow("given twice") << QStringList{u"extend"_s, u"id"_s, u"--lease=1:00"_s, u"--lease=2:00"_s}
                                 << u"more than once"_s;
    QTest::newRow("show without id") << QStringList{u"show"_s} << u"show needs a session id"_s;
    QTest::newRow("two ids") << QStringList{u"stop"_s, u"a"_s, u"b"_s} << u"Unexpected argument \"b\""_s;
    QTest::newRow("list with id") << QStringList{u"list"_s, u"a"_s} << u"Unexpected argument \"a\""_s;
    QTest::newRow("create without lease")
        << QStringList{u"create"_s, u"--size"_s, u"standard"_s} << u"create needs --lease"_s;
    QTest::newRow("create without size") << QStringList{u"create"_s, u"--lease"_s, u"1:00"_s}
                                         << u"create needs --size"_s;
    QTest::newRow("extend without lease") << QStringList{u"extend"_s, u"id"_s} << u"extend needs --lease"_s;
    QTest::newRow("zero timeout") << QStringList{u"wait"_s, u"id"_s, u"--timeout"_s, u"0"_s} << u"--timeout"_s;
    QTest::newRow("negative timeout") << QStringList{u"wait"_s, u"id"_s, u"--timeout=-3"_s} << u"--timeout"_s;
    QTest::newRow("word timeout") << QStringList{u"wait"_s, u"id"_s, u"--timeout=soon"_s} << u"--timeout"_s;
    QTest::newRow("bad until") << QStringList{u"wait"_s, u"id"_s, u"--until"_s, u"starting"_s} << u"--until"_s;
    QTest::newRow("until on stop") << QStringList{u"stop"_s, u"id"_s, u"--until"_s, u"ready"_s}
                                   << u"--until is not an option of stop"_s;
    QTest::newRow("wait on wait") << QStringList{u"wait"_s, u"id"_s, u"--wait"_s} << u"--wait is not an option"_s;
}

void TestCliCommandLine::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, why);
    const ParseResult result = parse(arguments);
    QCOMPARE(result.action, ParseResult::Action::UsageError);
    QVERIFY2(result.text.contains(why), qPrintable(result.text));
    QVERIFY2(result.usage.startsWith(u"Usage: arrsm"_s), qPrintable(result.usage));
}

void TestCliCommandLine::environmentStandsInForOptions()
{
    QProcessEnvironment environment;
    environment.insert(u"ARRSM_ENDPOINT"_s, u"http://127.0.0.1:8080"_s);
    environment.insert(u"ARRSM_STS_ENDPOINT"_s, u"http://localhost:8081"_s);
    environment.insert(u"ARRSM_ACCOUNT_ID"_s, AccountId);
    environment.insert(u"ARRSM_ACCOUNT_KEY"_s, u"env-key"_s);
    environment.insert(u"ARRSM_POLL_INTERVAL_MS"_s, u"50"_s);
    const ParseResult result = parse({u"list"_s}, environment);
    QCOMPARE(result.action, ParseResult::Action::Run);
    const arr::cli::Connection &connection = result.command.connection;
    QCOMPARE(connection.endpoint, QUrl(u"http://127.0.0.1:8080"_s));
    QCOMPARE(connection.tokenEndpoint, QUrl(u"http://localhost:8081"_s));
    QCOMPARE(connection.accountId, AccountId);
    QCOMPARE(connection.accountKey, u"env-key"_s);
    QCOMPARE(result.command.pollInterval, 50ms);

    environment.insert(u"ARRSM_POLL_INTERVAL_MS"_s, u"fast"_s);
    QCOMPARE(parse({u"list"_s}, environment).action, ParseResult::Action::UsageError);
}

void TestCliCommandLine::optionOverridesEnvironment()
{
    QProcessEnvironment environment = connectionEnvironment();
    // A bad variable does not matter when the option replaces it.
    environment.insert(u"ARRSM_ENDPOINT"_s, u"http://example.com"_s);
    environment.insert(u"ARRSM_ACCOUNT_ID"_s, u"not-a-guid"_s);
    const ParseResult result = parse({u"list"_s, u"--endpoint"_s, u"https://a.example"_s, u"--account-id"_s,
                                         u"fedcba98-7654-3210-fedc-ba9876543210"_s, u"--account-key=option-key"_s},
        environment);
    QCOMPARE(result.action, ParseResult::Action::Run);
    QCOMPARE(result.command.connection.endpoint, QUrl(u"https://a.example"_s));
    QCOMPARE(result.command.connection.accountId, u"fedcba98-7654-3210-fedc-ba9876543210"_s);
    QCOMPARE(result.command.connection.accountKey, u"option-key"_s);
}

void TestCliCommandLine::missingConnectionNamesWhatToSet_data()
{
    QTest::addColumn<QString>("unset");
    QTest::addColumn<QString>("why");
    QTest::newRow("endpoint") << u"ARRSM_ENDPOINT"_s << u"--endpoint URL or set ARRSM_ENDPOINT"_s;
    QTest::newRow("account id") << u"ARRSM_ACCOUNT_ID"_s << u"--account-id ID or set ARRSM_ACCOUNT_ID"_s;
    QTest::newRow("key") << u"ARRSM_ACCOUNT_KEY"_s << u"set ARRSM_ACCOUNT_KEY"_s;
}

void TestCliCommandLine::missingConnectionNamesWhatToSet()
{
    QFETCH(QString, unset);
    QFETCH(QString, why);
    QProcessEnvironment environment = connectionEnvironment();
    environment.remove(unset);
    const ParseResult result = parse({u"list"_s}, environment);
    QCOMPARE(result.action, ParseResult::Action::UsageError);
    QVERIFY2(result.text.contains(why), qPrintable(result.text));
    // An empty variable counts as unset.
    environment.insert(unset, QString());
    QCOMPARE(parse({u"list"_s}, environment).action, ParseResult::Action::UsageError);
}

void TestCliCommandLine::endpointsAreChecked_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("why"); // empty: accepted
    QTest::newRow("https") << QStringList{u"--endpoint=https://x.example"_s} << QString();
    QTest::newRow("loopback http") << QStringList{u"--endpoint=http://127.0.0.1:1234"_s} << QString();
    QTest::newRow("localhost http") << QStringList{u"--endpoint=http://localhost:1234"_s} << QString();
    QTest::newRow("remote http") << QStringList{u"--endpoint=http://example.com"_s} << u"plain http"_s;
    QTest::newRow("remote http sts") << QStringList{u"--sts-endpoint=http://example.com"_s}
                                     << u"--sts-endpoint: \"http://example.com\" uses plain http"_s;
    QTest::newRow("no scheme") << QStringList{u"--endpoint=example.com"_s} << u"--endpoint"_s;
    QTest::newRow("bad account id") << QStringList{u"--account-id=1234"_s} << u"--account-id: "_s;
}

void TestCliCommandLine::endpointsAreChecked()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, why);
    const ParseResult result = parse(QStringList{u"list"_s} + arguments);
    if (why.isEmpty()) {
        QCOMPARE(result.action, ParseResult::Action::Run);
    } else {
        QCOMPARE(result.action, ParseResult::Action::UsageError);
        QVERIFY2(result.text.contains(why), qPrintable(result.text));
    }
}

void TestCliCommandLine::savedAccountReplacesTheConnectionOptions()
{
    // The variables are ignored: the saved account says where and as whom.
    const ParseResult result = parse({u"list"_s, u"--account"_s, u"Production"_s});
    QCOMPARE(result.action, ParseResult::Action::Run);
    QCOMPARE(result.command.connection.savedAccount, u"Production"_s);
    QVERIFY(result.command.connection.accountKey.isEmpty());
    QVERIFY(result.command.connection.endpoint.isEmpty());

    const ParseResult mixed
        = parse({u"list"_s, u"--account"_s, u"Production"_s, u"--account-key"_s, u"k"_s}, QProcessEnvironment());
    QCOMPARE(mixed.action, ParseResult::Action::UsageError);
    QVERIFY(mixed.text.contains(u"--account-key"_s));
}

void TestCliCommandLine::waitDefaultsAndTimeout()
{
    const ParseResult wait = parse({u"wait"_s, u"id"_s});
    QCOMPARE(wait.action, ParseResult::Action::Run);
    QVERIFY(wait.command.wait);
    QCOMPARE(wait.command.until, arr::SessionStatus::Ready);
    QCOMPARE(wait.command.timeout, std::chrono::milliseconds(arr::cli::DefaultWaitTimeout));
    QCOMPARE(wait.command.pollInterval, arr::cli::DefaultPollInterval);

    const ParseResult stopped = parse({u"wait"_s, u"id"_s, u"--until=STOPPED"_s, u"--timeout=0.25"_s});
    QCOMPARE(stopped.command.until, arr::SessionStatus::Stopped);
    QCOMPARE(stopped.command.timeout, 250ms);

    const ParseResult stop = parse({u"stop"_s, u"id"_s, u"--wait"_s});
    QVERIFY(stop.command.wait);
    QCOMPARE(stop.command.until, arr::SessionStatus::Stopped);
    QVERIFY(!parse({u"stop"_s, u"id"_s}).command.wait);

    // Every command has a deadline, whatever a server does; --timeout sets it.
    QCOMPARE(parse({u"list"_s}).command.timeout, std::chrono::milliseconds(arr::cli::DefaultCommandTimeout));
    QCOMPARE(parse({u"stop"_s, u"id"_s}).command.timeout, std::chrono::milliseconds(arr::cli::DefaultCommandTimeout));
    QCOMPARE(parse({u"list"_s, u"--timeout=1.5"_s}).command.timeout, 1500ms);
    QCOMPARE(parse({u"--timeout"_s, u"7"_s, u"show"_s, u"id"_s}).command.timeout, 7000ms);
    QCOMPARE(parse({u"list"_s, u"--timeout=0"_s}).action, ParseResult::Action::UsageError);
}

void TestCliCommandLine::keyWithControlCharactersIsRefused()
{
    QProcessEnvironment environment = connectionEnvironment();
    environment.insert(u"ARRSM_ACCOUNT_KEY"_s, u"abc\r\nX-Injected: 1"_s);
    const ParseResult fromVariable = parse({u"list"_s}, environment);
    QCOMPARE(fromVariable.action, ParseResult::Action::UsageError);
    QCOMPARE(fromVariable.text,
        u"ARRSM_ACCOUNT_KEY: The account key contains a character that is not in a key (a control character, a "
        "line break, a space or a non-ASCII character); a key is base64 text."_s);
    QVERIFY(!fromVariable.text.contains(u"abc"_s));

    const ParseResult fromOption = parse({u"list"_s, u"--account-key=ab\u001b[2Jc"_s}, environment);
    QCOMPARE(fromOption.action, ParseResult::Action::UsageError);
    QVERIFY(fromOption.text.startsWith(u"--account-key: The account key contains"_s));
}

void TestCliCommandLine::endpointWithCredentialsIsRefused()
{
    const ParseResult result = parse({u"list"_s, u"--endpoint"_s, u"http://user:hunter2@127.0.0.1:9"_s});
    QCOMPARE(result.action, ParseResult::Action::UsageError);
    QVERIFY2(result.text.startsWith(u"--endpoint: "_s), qPrintable(result.text));
    QVERIFY(result.text.contains(u"contains a user name or password"_s));
    QVERIFY(!result.text.contains(u"hunter2"_s));
    const ParseResult sts = parse({u"list"_s, u"--sts-endpoint"_s, u"https://user:hunter2@sts.example.com"_s});
    QCOMPARE(sts.action, ParseResult::Action::UsageError);
    QVERIFY(sts.text.startsWith(u"--sts-endpoint: "_s));
}

void TestCliCommandLine::helpAndVersion()
{
    const ParseResult program = parse({u"--help"_s}, QProcessEnvironment());
    QCOMPARE(program.action, ParseResult::Action::Help);
    for (const QString &command : {u"list"_s, u"show"_s, u"create"_s, u"extend"_s, u"stop"_s, u"wait"_s, u"accounts"_s,
             u"ARRSM_ENDPOINT"_s, u"--json"_s, u"Exit status"_s})
        QVERIFY2(program.text.contains(command), qPrintable(command));

    const ParseResult create = parse({u"create"_s, u"-h"_s}, QProcessEnvironment());
    QCOMPARE(create.action, ParseResult::Action::Help);
    QVERIFY(create.text.startsWith(u"Usage: arrsm [options] create --lease"_s));
    QVERIFY(create.text.contains(u"--timeout S"_s));

    // Help wins over what else is wrong with the command.
    QCOMPARE(parse({u"extend"_s, u"--help"_s}, QProcessEnvironment()).action, ParseResult::Action::Help);
    QCOMPARE(parse({u"list"_s, u"--version"_s}, QProcessEnvironment()).action, ParseResult::Action::Version);
}

void TestCliCommandLine::accountsNeedsNoConnection()
{
    const ParseResult result = parse({u"accounts"_s, u"--json"_s}, QProcessEnvironment());
    QCOMPARE(result.action, ParseResult::Action::Run);
    QCOMPARE(result.command.kind, CommandKind::Accounts);
    QVERIFY(result.command.json);
}

void TestCliCommandLine::jsonHasEveryFieldWithNulls()
{
    arr::Session bare;
    bare.id = u"s0"_s;
    bare.status = arr::SessionStatus::Starting;
    const QJsonObject object = arr::cli::sessionJson(bare);
    QCOMPARE(object.value(u"sessionId"_s).toString(), u"s0"_s);
    QCOMPARE(object.value(u"sessionStatus"_s).toString(), u"starting"_s);
    for (const QString &key : {u"sessionHostname"_s, u"sessionElapsedTime"_s, u"sessionMaxLeaseTime"_s,
             u"sessionSize"_s, u"message"_s, u"remaining"_s}) {
        QVERIFY2(object.contains(key), qPrintable(key));
        QVERIFY2(object.value(key).isNull(), qPrintable(key));
    }

    const QJsonObject ready = arr::cli::sessionJson(readySession());
    QCOMPARE(ready.value(u"sessionElapsedTime"_s).toString(), u"00:30:00"_s);
    QCOMPARE(ready.value(u"sessionMaxLeaseTime"_s).toString(), u"04:00:00"_s);
    QCOMPARE(ready.value(u"remaining"_s).toString(), u"03:30:00"_s);
    QCOMPARE(ready.value(u"sessionHostname"_s).toString(), u"host.example"_s);

    arr::Session day = readySession();
    day.maxLease = arr::TimeSpan::fromHours(24);
    day.elapsed = arr::TimeSpan();
    QCOMPARE(arr::cli::sessionJson(day).value(u"remaining"_s).toString(), u"1.00:00:00"_s);
}

void TestCliCommandLine::jsonKeepsAnUnknownStatusInLowerCase()
{
    arr::Session session = readySession();
    session.status = arr::SessionStatus::Unknown;
    session.statusText = u"Hibernating"_s;
    QCOMPARE(arr::cli::sessionJson(session).value(u"sessionStatus"_s).toString(), u"hibernating"_s);
    QVERIFY(arr::cli::sessionTable({session}).contains(u"hibernating"_s));
}

void TestCliCommandLine::remainingIsNullForAnEndedSession()
{
    arr::Session session = readySession();
    session.status = arr::SessionStatus::Stopped;
    QVERIFY(arr::cli::sessionJson(session).value(u"remaining"_s).isNull());
    // Its lease and elapsed time are still what the service said.
    QCOMPARE(arr::cli::sessionJson(session).value(u"sessionMaxLeaseTime"_s).toString(), u"04:00:00"_s);
}

void TestCliCommandLine::tableIsAligned()
{
    arr::Session second = readySession();
    second.id = u"a-much-longer-session-id"_s;
    second.status = arr::SessionStatus::Starting;
    second.hostname.clear();
    second.elapsed.reset();
    const QString table = arr::cli::sessionTable({readySession(), second});
    const QStringList lines = table.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(table.endsWith(u'\n'));
    const qsizetype statusColumn = lines.at(0).indexOf(u"STATUS"_s);
    const qsizetype remainingColumn = lines.at(0).indexOf(u"REMAINING"_s);
    QVERIFY(lines.at(0).startsWith(u"SESSION ID"_s));
    QVERIFY(lines.at(0).endsWith(u"HOSTNAME"_s));
    QVERIFY(!lines.at(0).contains(u"MESSAGE"_s));
    QCOMPARE(lines.at(1).indexOf(u"ready"_s), statusColumn);
    QCOMPARE(lines.at(2).indexOf(u"starting"_s), statusColumn);
    QCOMPARE(lines.at(1).mid(remainingColumn, 8), u"03:30:00"_s);
    QCOMPARE(lines.at(2).mid(remainingColumn, 1), u"-"_s);
    for (const QString &line : lines)
        QVERIFY2(!line.endsWith(u' '), qPrintable(line));
}

void TestCliCommandLine::tableShowsMessagesOnlyWhenAny()
{
    arr::Session failed = readySession();
    failed.status = arr::SessionStatus::Error;
    failed.message = u"No capacity\nin the region."_s;
    const QString table = arr::cli::sessionTable({readySession(), failed});
    QVERIFY(table.section(u'\n', 0, 0).endsWith(u"MESSAGE"_s));
    QVERIFY(table.contains(u"No capacity in the region."_s));
    QCOMPARE(table.count(u'\n'), 3);
}

void TestCliCommandLine::emptyOutputs()
{
    QCOMPARE(arr::cli::sessionTable({}), u"No sessions.\n"_s);
    QCOMPARE(arr::cli::jsonText(arr::cli::sessionsJson({})), QByteArray("[]\n"));
    QCOMPARE(arr::cli::accountTable({}), u"No saved accounts.\n"_s);

    arr::Account account;
    account.name = u"Prod"_s;
    account.accountId = AccountId;
    account.endpoint = QUrl(u"https://remoterendering.westus2.mixedreality.azure.com"_s);
    account.tokenEndpoint = QUrl(u"https://sts.westus2.mixedreality.azure.com"_s);
    const QJsonObject object = arr::cli::accountsJson({account}).first().toObject();
    QCOMPARE(object.keys(), (QStringList{u"accountId"_s, u"enabled"_s, u"endpoint"_s, u"name"_s, u"tokenEndpoint"_s}));
}

QTEST_GUILESS_MAIN(TestCliCommandLine)
#include "tst_clicommandline.moc"
