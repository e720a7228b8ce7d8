#include "cli/ArrsmCommandLine.h"
#include "cli/Output.h"
#include "core/GaCodec.h"
#include "core/RequestValidationTable.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using arr::cli::CommandKind;
using arr::cli::ParseResult;

namespace {

const QString AccountId = u"01234567-89ab-cdef-0123-456789abcdef"_s;
const QString SessionId = u"6f0e2c1a-9b8d-4e7f-a6b5-c4d3e2f1a0b9"_s;

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
    void requestTable_data();
    void requestTable();
    void acceptedModelsAreKept();
    void usageErrors_data();
    void usageErrors();
    void environmentStandsInForOptions();
    void intervalOnlyWithWait();
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
    void apiVersionFromOptionOrEnvironment();
    void apiVersionUsageErrors_data();
    void apiVersionUsageErrors();
    void createIdNamesTheSession();
    void gaSessionJsonHasTheV1Keys();
};

void TestCliCommandLine::optionsBeforeAndAfterTheCommand()
{
    for (const QStringList &arguments : {QStringList{u"--json"_s, u"show"_s, SessionId},
             QStringList{u"show"_s, SessionId, u"--json"_s}, QStringList{u"show"_s, u"--json"_s, SessionId}}) {
        const ParseResult result = parse(arguments);
        QCOMPARE(result.action, ParseResult::Action::Run);
        QCOMPARE(result.command.kind, CommandKind::Show);
        QCOMPARE(result.command.sessionId, SessionId);
        QVERIFY(result.command.json);
        QVERIFY(!result.command.verbose);
    }
    // "--" ends the options: what follows is taken as the id (and judged as one), not as an option.
    const ParseResult dashed = parse({u"show"_s, u"--"_s, u"-odd"_s});
    QCOMPARE(dashed.action, ParseResult::Action::UsageError);
    QVERIFY2(dashed.text.startsWith(u"The session id \"-odd\" is not a GUID"_s), qPrintable(dashed.text));
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
    QTest::newRow("more than a day") << u"25:00"_s << qint64(-1) << u"longer than 24 hours"_s;
    QTest::newRow("zero") << u"0:00"_s << qint64(-1) << u"longer than zero"_s;
    QTest::newRow("negative") << u"-1:00"_s << qint64(-1) << u"longer than zero"_s;
    QTest::newRow("not a duration") << u"abc"_s << qint64(-1) << u"--lease"_s;
}

void TestCliCommandLine::leaseIsChecked()
{
    QFETCH(QString, lease);
    QFETCH(qint64, minutes);
    QFETCH(QString, why);
    for (const QStringList &arguments : {QStringList{u"create"_s, u"--size"_s, u"standard"_s, u"--lease"_s, lease},
             QStringList{u"extend"_s, SessionId, u"--lease="_s + lease}}) {
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

void TestCliCommandLine::requestTable_data()
{
    QTest::addColumn<int>("row");
    const QList<validation::Case> cases = validation::cases();
    for (int i = 0; i < cases.size(); ++i)
        QTest::newRow(cases.at(i).name) << i;
}

// The validator's table through arrsm's parser: each input is refused with exactly the validator's
// sentence (a usage error, exit 2, nothing sent), or accepted.
void TestCliCommandLine::requestTable()
{
    QFETCH(int, row);
    const validation::Case c = validation::cases().at(row);
    const QStringList create{u"create"_s, u"--lease=1:00"_s, u"--size=standard"_s};
    QList<QStringList> invocations;
    switch (c.field) {
    case validation::Field::Lease:
        invocations = {{u"create"_s, u"--size=standard"_s, u"--lease="_s + c.input}};
        break;
    case validation::Field::Extend:
        invocations = {{u"extend"_s, SessionId, u"--lease="_s + c.input}};
        break;
    case validation::Field::Size:
        invocations = {{u"create"_s, u"--lease=1:00"_s, u"--size="_s + c.input}};
        break;
    case validation::Field::Model:
        invocations = {create + QStringList{u"--model="_s + c.input}};
        break;
    case validation::Field::SessionId:
        invocations = {{u"show"_s, c.input}, {u"extend"_s, c.input, u"--lease=5:00"_s}, {u"stop"_s, c.input},
            {u"stop"_s, c.input, u"--wait"_s}, {u"wait"_s, c.input}};
        break;
    }
    // The parser does not know a session's current lease: "not longer" is the service's to refuse,
    // which the emulator does through the same validator.
    const bool refused = c.check != arr::RequestCheck::Ok && c.check != arr::RequestCheck::LeaseNotLonger;
    for (const QStringList &arguments : invocations) {
        const ParseResult result = parse(arguments);
        if (refused) {
            QCOMPARE(result.action, ParseResult::Action::UsageError);
            QCOMPARE(result.text, c.sentence);
            QVERIFY(result.usage.startsWith(u"Usage: arrsm [options] "_s + arguments.first()));
        } else {
            QVERIFY2(result.action == ParseResult::Action::Run, qPrintable(result.text));
        }
    }
}

void TestCliCommandLine::acceptedModelsAreKept()
{
    const ParseResult result = parse({u"create"_s, u"--lease=1:00"_s, u"--size=standard"_s,
        u"--model= builtin://Engine "_s, u"--model"_s, u"http://[::1]:8080/m.arrAsset"_s});
    QCOMPARE(result.action, ParseResult::Action::Run);
    QCOMPARE(
        result.command.models, (QList<QUrl>{QUrl(u"builtin://Engine"_s), QUrl(u"http://[::1]:8080/m.arrAsset"_s)}));
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
    QTest::newRow("missing value") << QStringList{u"extend"_s, SessionId, u"--lease"_s} << u"--lease needs a value"_s;
    QTest::newRow("value is an option") << QStringList{u"create"_s, u"--lease"_s, u"--size"_s, u"standard"_s}
                                        << u"--lease needs a value"_s;
    QTest::newRow("given twice") << QStringList{u"extend"_s, SessionId, u"--lease=1:00"_s, u"--lease=2:00"_s}
                                 << u"more than once"_s;
    QTest::newRow("show without id") << QStringList{u"show"_s} << u"show needs a session id"_s;
    QTest::newRow("two ids") << QStringList{u"stop"_s, u"a"_s, u"b"_s} << u"Unexpected argument \"b\""_s;
    QTest::newRow("list with id") << QStringList{u"list"_s, u"a"_s} << u"Unexpected argument \"a\""_s;
    QTest::newRow("create without lease")
        << QStringList{u"create"_s, u"--size"_s, u"standard"_s} << u"create needs --lease"_s;
    QTest::newRow("create without size") << QStringList{u"create"_s, u"--lease"_s, u"1:00"_s}
                                         << u"create needs --size"_s;
    QTest::newRow("extend without lease") << QStringList{u"extend"_s, SessionId} << u"extend needs --lease"_s;
    QTest::newRow("zero timeout") << QStringList{u"wait"_s, SessionId, u"--timeout"_s, u"0"_s} << u"--timeout"_s;
    QTest::newRow("negative timeout") << QStringList{u"wait"_s, SessionId, u"--timeout=-3"_s} << u"--timeout"_s;
    QTest::newRow("word timeout") << QStringList{u"wait"_s, SessionId, u"--timeout=soon"_s} << u"--timeout"_s;
    QTest::newRow("bad until") << QStringList{u"wait"_s, SessionId, u"--until"_s, u"starting"_s} << u"--until"_s;
    QTest::newRow("until on stop") << QStringList{u"stop"_s, SessionId, u"--until"_s, u"ready"_s}
                                   << u"--until is not an option of stop"_s;
    QTest::newRow("wait on wait") << QStringList{u"wait"_s, SessionId, u"--wait"_s} << u"--wait is not an option"_s;
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
    const ParseResult result = parse({u"list"_s}, environment);
    QCOMPARE(result.action, ParseResult::Action::Run);
    const arr::cli::Connection &connection = result.command.connection;
    QCOMPARE(connection.endpoint, QUrl(u"http://127.0.0.1:8080"_s));
    QCOMPARE(connection.tokenEndpoint, QUrl(u"http://localhost:8081"_s));
    QCOMPARE(connection.accountId, AccountId);
    QCOMPARE(connection.accountKey, u"env-key"_s);
}

void TestCliCommandLine::intervalOnlyWithWait()
{
    const QProcessEnvironment environment = connectionEnvironment();
    const ParseResult waiting = parse({u"wait"_s, AccountId, u"--interval"_s, u"0.5"_s}, environment);
    QCOMPARE(waiting.action, ParseResult::Action::Run);
    QCOMPARE(waiting.command.pollInterval, 500ms);
    const ParseResult creating
        = parse({u"create"_s, u"--lease"_s, u"1:00"_s, u"--size"_s, u"standard"_s, u"--wait"_s, u"--interval=2"_s},
            environment);
    QCOMPARE(creating.action, ParseResult::Action::Run);
    QCOMPARE(creating.command.pollInterval, 2000ms);
    for (const QString &bad : {u"fast"_s, u"0"_s, u"0.01"_s, u"3601"_s, u"nan"_s}) {
        const ParseResult refused = parse({u"wait"_s, AccountId, u"--interval"_s, bad}, environment);
        QCOMPARE(refused.action, ParseResult::Action::UsageError);
        QVERIFY2(refused.text.contains(u"--interval"_s), qPrintable(refused.text));
    }
    const ParseResult withoutWait = parse({u"stop"_s, AccountId, u"--interval"_s, u"1"_s}, environment);
    QCOMPARE(withoutWait.action, ParseResult::Action::UsageError);
    QVERIFY2(withoutWait.text.contains(u"only with --wait"_s), qPrintable(withoutWait.text));
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
    const ParseResult wait = parse({u"wait"_s, SessionId});
    QCOMPARE(wait.action, ParseResult::Action::Run);
    QVERIFY(wait.command.wait);
    QCOMPARE(wait.command.until, arr::SessionStatus::Ready);
    QCOMPARE(wait.command.timeout, std::chrono::milliseconds(arr::cli::DefaultWaitTimeout));
    QCOMPARE(wait.command.pollInterval, arr::cli::DefaultPollInterval);

    const ParseResult stopped = parse({u"wait"_s, SessionId, u"--until=STOPPED"_s, u"--timeout=0.25"_s});
    QCOMPARE(stopped.command.until, arr::SessionStatus::Stopped);
    QCOMPARE(stopped.command.timeout, 250ms);

    const ParseResult stop = parse({u"stop"_s, SessionId, u"--wait"_s});
    QVERIFY(stop.command.wait);
    QCOMPARE(stop.command.until, arr::SessionStatus::Stopped);
    QVERIFY(!parse({u"stop"_s, SessionId}).command.wait);

    // Every command has a deadline, whatever a server does; --timeout sets it.
    QCOMPARE(parse({u"list"_s}).command.timeout, std::chrono::milliseconds(arr::cli::DefaultCommandTimeout));
    QCOMPARE(parse({u"stop"_s, SessionId}).command.timeout, std::chrono::milliseconds(arr::cli::DefaultCommandTimeout));
    QCOMPARE(parse({u"list"_s, u"--timeout=1.5"_s}).command.timeout, 1500ms);
    QCOMPARE(parse({u"--timeout"_s, u"7"_s, u"show"_s, SessionId}).command.timeout, 7000ms);
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
    QCOMPARE(object.keys(),
        (QStringList{u"accountId"_s, u"apiVersion"_s, u"enabled"_s, u"endpoint"_s, u"name"_s, u"tokenEndpoint"_s}));
}

void TestCliCommandLine::apiVersionFromOptionOrEnvironment()
{
    QCOMPARE(parse({u"list"_s}).command.connection.apiVersion, arr::ApiVersion::V1);
    QCOMPARE(parse({u"list"_s, u"--api-version"_s, u"2021-01-01"_s}).command.connection.apiVersion,
        arr::ApiVersion::Api20210101);
    QCOMPARE(parse({u"--api-version=v1"_s, u"list"_s}).command.connection.apiVersion, arr::ApiVersion::V1);

    QProcessEnvironment environment = connectionEnvironment();
    environment.insert(u"ARRSM_API_VERSION"_s, u"2021-01-01"_s);
    QCOMPARE(parse({u"list"_s}, environment).command.connection.apiVersion, arr::ApiVersion::Api20210101);
    // The option wins over the variable.
    QCOMPARE(parse({u"list"_s, u"--api-version"_s, u"v1"_s}, environment).command.connection.apiVersion,
        arr::ApiVersion::V1);
    // A saved account has its own version: the variable is not read for it.
    environment.insert(u"ARRSM_API_VERSION"_s, u"nonsense"_s);
    QCOMPARE(parse({u"list"_s, u"--account"_s, u"Prod"_s}, environment).action, ParseResult::Action::Run);

    // 2021-01-01 ids are chosen by the client: not GUIDs.
    const ParseResult show = parse({u"show"_s, u"render-7_b"_s, u"--api-version"_s, u"2021-01-01"_s});
    QCOMPARE(show.action, ParseResult::Action::Run);
    QCOMPARE(show.command.sessionId, u"render-7_b"_s);
}

void TestCliCommandLine::apiVersionUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown version") << QStringList{u"list"_s, u"--api-version"_s, u"v2"_s} << u"v1 or 2021-01-01"_s;
    QTest::newRow("with a saved account")
        << QStringList{u"list"_s, u"--account"_s, u"Prod"_s, u"--api-version"_s, u"v1"_s} << u"--api-version"_s;
    QTest::newRow("v1 id rule") << QStringList{u"show"_s, u"render-7"_s} << u"render-7"_s;
    QTest::newRow("--id with v1") << QStringList{u"create"_s, u"--lease"_s, u"1:0"_s, u"--size"_s, u"standard"_s,
        u"--id"_s, u"mine"_s} << u"2021-01-01"_s;
    QTest::newRow("--id bad characters") << QStringList{u"create"_s, u"--lease"_s, u"1:0"_s, u"--size"_s, u"standard"_s,
        u"--api-version"_s, u"2021-01-01"_s, u"--id"_s, u"a/b"_s}
                                         << u"--id"_s;
    QTest::newRow("--id dot segment") << QStringList{u"create"_s, u"--lease"_s, u"1:0"_s, u"--size"_s, u"standard"_s,
        u"--api-version"_s, u"2021-01-01"_s, u"--id"_s, u".."_s}
                                      << u"--id"_s;
    QTest::newRow("--id too long") << QStringList{u"create"_s, u"--lease"_s, u"1:0"_s, u"--size"_s, u"standard"_s,
        u"--api-version"_s, u"2021-01-01"_s, u"--id"_s, QString(257, u'a')}
                                   << u"--id"_s;
    QTest::newRow("--id on another command")
        << QStringList{u"list"_s, u"--api-version"_s, u"2021-01-01"_s, u"--id"_s, u"x"_s} << u"--id"_s;
}

void TestCliCommandLine::apiVersionUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const ParseResult result = parse(arguments);
    QCOMPARE(result.action, ParseResult::Action::UsageError);
    QVERIFY2(result.text.contains(mentions), qPrintable(result.text));
}

void TestCliCommandLine::createIdNamesTheSession()
{
    const ParseResult named = parse({u"create"_s, u"--lease"_s, u"1:30"_s, u"--size"_s, u"standard"_s,
        u"--api-version"_s, u"2021-01-01"_s, u"--id"_s, u" nightly-build_42 "_s});
    QCOMPARE(named.action, ParseResult::Action::Run);
    QCOMPARE(named.command.newSessionId, u"nightly-build_42"_s);
    QCOMPARE(named.command.connection.apiVersion, arr::ApiVersion::Api20210101);

    const ParseResult unnamed = parse(
        {u"create"_s, u"--lease"_s, u"1:30"_s, u"--size"_s, u"standard"_s, u"--api-version"_s, u"2021-01-01"_s});
    QCOMPARE(unnamed.action, ParseResult::Action::Run);
    QVERIFY(unnamed.command.newSessionId.isEmpty());
    // A saved account's version is known later: the runner holds --id to it.
    QCOMPARE(parse({u"create"_s, u"--lease"_s, u"1:30"_s, u"--size"_s, u"standard"_s, u"--account"_s, u"Prod"_s,
                       u"--id"_s, u"mine"_s})
                 .action,
        ParseResult::Action::Run);
}

void TestCliCommandLine::gaSessionJsonHasTheV1Keys()
{
    const QByteArray body
        = R"({"id":"render-1","status":"Ready","size":"Standard","maxLeaseTimeMinutes":90,)"
          R"("elapsedTimeMinutes":30,"hostname":"h.example","handshakePort":50051,)"
          R"("arrInspectorPort":50052,"teraflops":10.6,"creationTime":"2021-01-01T11:11:11.111Z","error":null})";
    const arr::Decoded<arr::Session> ga = arr::ga::decodeProperties(body);
    QVERIFY2(ga.ok(), qPrintable(ga.error));
    const QJsonObject fromGa = arr::cli::sessionJson(*ga.value);
    const QJsonObject fromV1 = arr::cli::sessionJson(readySession());
    QCOMPARE(fromGa.keys(), fromV1.keys());
    QCOMPARE(fromGa.value(u"sessionId"_s).toString(), u"render-1"_s);
    QCOMPARE(fromGa.value(u"sessionStatus"_s).toString(), u"ready"_s);
    QCOMPARE(fromGa.value(u"sessionSize"_s).toString(), fromV1.value(u"sessionSize"_s).toString());
    QCOMPARE(fromGa.value(u"sessionMaxLeaseTime"_s).toString(), u"01:30:00"_s);
    QCOMPARE(fromGa.value(u"sessionElapsedTime"_s).toString(), u"00:30:00"_s);
    QCOMPARE(fromGa.value(u"remaining"_s).toString(), u"01:00:00"_s);
    QCOMPARE(fromGa.value(u"handshakePort"_s).toInt(), 50051);
    QCOMPARE(fromGa.value(u"arrInspectorPort"_s).toInt(), 50052);
    QCOMPARE(fromGa.value(u"teraflops"_s).toDouble(), 10.6);
    QCOMPARE(fromGa.value(u"creationTime"_s).toString(), u"2021-01-01T11:11:11.111Z"_s);
    for (const QString &key : {u"creationTime"_s, u"teraflops"_s, u"handshakePort"_s, u"arrInspectorPort"_s})
        QVERIFY2(fromV1.value(key).isNull(), qPrintable(key));
}

QTEST_GUILESS_MAIN(TestCliCommandLine)
#include "tst_clicommandline.moc"
