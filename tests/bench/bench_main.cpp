// arrsm-bench: the performance targets of the product, measured against baselines in the same run.
// Run by scripts/bench; exits non-zero when a target is missed.
#include "BenchTable.h"

#include "core/Clock.h"
#include "core/JsonCodec.h"
#include "emulator/EmulatorServer.h"
#include "monitor/LiveSessions.h"
#include "monitor/SessionMonitor.h"
#include "service/RequestLog.h"
#include "service/SessionApi.h"
#include "service/TokenProvider.h"
#include "ui/SessionFilterProxy.h"
#include "ui/SessionTableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

#ifdef Q_OS_LINUX
#include <sched.h>
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using arr::Session;
using arr::SessionStatus;
using arr::SessionTableModel;
using arr::TimeSpan;

namespace {

const QString AccountId = u"bbbbbbbb-0000-4000-8000-000000000001"_s;
const QString AccountKey = u"bench-key"_s;

QString ms(double value)
{
    return value < 0.1 ? u"%1 µs"_s.arg(value * 1000.0, 0, 'f', 1) : u"%1 ms"_s.arg(value, 0, 'f', 3);
}

double median(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.empty() ? 0.0 : samples[samples.size() / 2];
}

// Runs `work` `runs` times and returns the median in milliseconds.
double medianMs(int runs, const std::function<void(int)> &work)
{
    std::vector<double> samples;
    samples.reserve(size_t(runs));
    QElapsedTimer timer;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        work(i);
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(std::move(samples));
}

QList<Session> makeSessions(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<Session> sessions;
    sessions.reserve(count);
    const SessionStatus statuses[]
        = {SessionStatus::Ready, SessionStatus::Ready, SessionStatus::Ready, SessionStatus::Starting,
            SessionStatus::Stopping, SessionStatus::Stopped, SessionStatus::Expired, SessionStatus::Error};
    for (int i = 0; i < count; ++i) {
        Session s;
        s.id = u"%1-4e2a-4b1c-9d3e-%2"_s.arg(uint(random.generate()), 8, 16, QChar(u'0')).arg(i, 12, 10, QChar(u'0'));
        s.status = statuses[random.bounded(8)];
        s.statusText = arr::sessionStatusWireName(s.status);
        s.size = random.bounded(2) ? u"standard"_s : u"premium"_s;
        s.hostname = s.id + u".remoterenderingvm.westeurope.mixedreality.azure.com"_s;
        s.maxLease = TimeSpan::fromMinutes(30 + random.bounded(23 * 60));
        s.elapsed = TimeSpan::fromSeconds(random.bounded(int(s.maxLease->totalSeconds())));
        if (s.status == SessionStatus::Error)
            s.message = u"The virtual machine could not be allocated."_s;
        sessions.append(s);
    }
    return sessions;
}

// A poll in which 1 % changed status or elapsed time, 0.5 % are new and 0.5 % gone.
QList<Session> evolve(const QList<Session> &sessions, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<Session> next = sessions;
    const int count = int(sessions.size());
    for (int i = 0; i < count / 100; ++i) {
        Session &s = next[random.bounded(count)];
        s.elapsed = *s.elapsed + TimeSpan::fromSeconds(10);
    }
    for (int i = 0; i < count / 200; ++i)
        next.removeAt(random.bounded(int(next.size())));
    QList<Session> fresh = makeSessions(count / 200, seed + 1000);
    for (Session &s : fresh)
        s.id = u"new-"_s + s.id;
    next.append(fresh);
    return next;
}

struct DiffSignals
{
    explicit DiffSignals(QAbstractItemModel *model)
        : changed(model, &QAbstractItemModel::dataChanged)
        , reset(model, &QAbstractItemModel::modelReset)
    {
    }
    int changedRows() const
    {
        int rows = 0;
        for (const auto &args : changed)
            rows += args.at(1).toModelIndex().row() - args.at(0).toModelIndex().row() + 1;
        return rows;
    }
    QSignalSpy changed;
    QSignalSpy reset;
};

void benchApplyPoll(BenchTable &table)
{
    arr::ManualClock clock;
    arr::LiveSessions live(&clock);
    SessionTableModel model(&live);
    const QList<Session> base = makeSessions(10'000, 1);
    live.applyPoll(u"A"_s, base, 0);

    // Alternate between two polls that differ by the stated fractions, so each run is a real diff.
    const QList<Session> other = evolve(base, 2);
    int expectedChanged = 0;
    {
        QHash<QString, const Session *> byId;
        for (const Session &s : other)
            byId.insert(s.id, &s);
        for (const Session &s : base) {
            const auto it = byId.constFind(s.id);
            if (it != byId.constEnd() && **it != s)
                ++expectedChanged;
        }
    }
    DiffSignals first(&model);
    live.applyPoll(u"A"_s, other, 1);
    const int signalledRows = first.changedRows();
    const qsizetype resets = first.reset.size();
    const bool exact = resets == 0 && signalledRows == expectedChanged;
    live.applyPoll(u"A"_s, base, 2);

    DiffSignals spy(&model);
    const double typical = medianMs(101, [&](int i) { live.applyPoll(u"A"_s, i % 2 ? base : other, 3 + i); });
    table.add(u"apply a poll, 10,000 sessions, 1 % changed, 0.5 % new, 0.5 % gone (median)"_s, ms(typical), u"≤ 2 ms"_s,
        typical <= 2.0 && exact && spy.reset.isEmpty());
    table.add(u"  no reset; dataChanged rows = changed rows"_s,
        u"%1 resets; %2 rows signalled for %3 changed"_s.arg(resets).arg(signalledRows).arg(expectedChanged),
        u"0 resets; equal"_s, exact);

    QList<Session> allChanged = base;
    for (Session &s : allChanged)
        s.elapsed = *s.elapsed + TimeSpan::fromSeconds(1);
    const double everyRow = medianMs(51, [&](int i) { live.applyPoll(u"A"_s, i % 2 ? base : allChanged, 200 + i); });
    table.add(
        u"apply a poll, 10,000 sessions, every row changed (median)"_s, ms(everyRow), u"≤ 10 ms"_s, everyRow <= 10.0);
}

void benchTick(BenchTable &table)
{
    arr::ManualClock clock;
    arr::LiveSessions live(&clock);
    SessionTableModel model(&live);
    live.applyPoll(u"A"_s, makeSessions(10'000, 3), 0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const double alone = medianMs(1001, [&](int) {
        clock.advance(1000);
        model.tick();
    });
    const bool oneSignal = changed.size() == 1001;
    table.add(u"countdown tick, 10,000 sessions (median)"_s, ms(alone), u"≤ 0.1 ms"_s, alone <= 0.1);
    table.add(u"  dataChanged per tick"_s, QString::number(double(changed.size()) / 1001.0), u"exactly 1"_s, oneSignal);

    arr::SessionFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(SessionTableModel::SessionIdColumn);
    const double withProxy = medianMs(201, [&](int) {
        clock.advance(1000);
        model.tick();
    });
    table.add(u"  the same tick through the sorted proxy (median)"_s, ms(withProxy), u"(reported)"_s, true);
}

void benchDecode(BenchTable &table)
{
    QJsonArray array;
    for (const Session &s : makeSessions(10'000, 4))
        array.append(arr::v1::encodeProperties(s));
    const QByteArray body = QJsonDocument(QJsonObject{{u"sessions"_s, array}}).toJson(QJsonDocument::Compact);
    const double megabytes = double(body.size()) / (1024.0 * 1024.0);

    // Both sides build their result and free it, as a poll does.
    int sink = 0;
    const double parseOnly = medianMs(31, [&](int) { sink += QJsonDocument::fromJson(body).object().size(); });
    bool ok = true;
    const double decode = medianMs(31, [&](int) {
        const auto list = arr::v1::decodeSessionList(body);
        ok = ok && list.ok() && list.value->size() == 10'000;
    });
    Q_UNUSED(sink);
    const double ratio = decode / parseOnly;
    table.add(u"decode a v1 list of 10,000 sessions (%1 MiB)"_s.arg(megabytes, 0, 'f', 2),
        u"%1 MB/s, %2 (%3× the parse alone)"_s.arg(megabytes / (decode / 1000.0), 0, 'f', 1)
            .arg(ms(decode))
            .arg(ratio, 0, 'f', 2),
        u"≤ 2× QJsonDocument::fromJson"_s, ok && ratio <= 2.0,
        u"fromJson alone: %1 MB/s, %2"_s.arg(megabytes / (parseOnly / 1000.0), 0, 'f', 1).arg(ms(parseOnly)));
}

void benchSortFilter(BenchTable &table)
{
    arr::ManualClock clock;
    arr::LiveSessions live(&clock);
    SessionTableModel model(&live);
    live.applyPoll(u"A"_s, makeSessions(10'000, 5), 0);
    arr::SessionFilterProxy proxy;
    proxy.setSourceModel(&model);
    const double sort = medianMs(11, [&](int i) {
        proxy.sort(i % 2 ? int(SessionTableModel::SessionIdColumn) : int(SessionTableModel::RemainingColumn));
    });
    // Only the re-sorts by remaining time count; measure them alone.
    std::vector<double> byRemaining;
    for (int i = 0; i < 11; ++i) {
        proxy.sort(SessionTableModel::SessionIdColumn);
        QElapsedTimer timer;
        timer.start();
        proxy.sort(SessionTableModel::RemainingColumn, i % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
        byRemaining.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    Q_UNUSED(sort);
    const double resort = median(byRemaining);
    table.add(u"re-sort 10,000 rows by remaining time (median)"_s, ms(resort), u"≤ 20 ms"_s, resort <= 20.0);

    const QString typed = u"4e2a-4b1c"_s;
    std::vector<double> keystrokes;
    for (int round = 0; round < 5; ++round) {
        for (qsizetype n = 1; n <= typed.size(); ++n) {
            QElapsedTimer timer;
            timer.start();
            proxy.setTextFilter(typed.left(n));
            keystrokes.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        proxy.setTextFilter({});
    }
    const double keystroke = median(keystrokes);
    table.add(
        u"one keystroke of the text filter, 10,000 rows (median)"_s, ms(keystroke), u"≤ 10 ms"_s, keystroke <= 10.0);
}

// Counts what a poller costs the service: ours (one list per poll) against the vendor tools' way
// (a list, then the properties of each session).
void benchRequestsPerPoll(BenchTable &table)
{
    for (const int sessionCount : {1, 100, 1000}) {
        arr::emulator::EmulatorOptions options;
        arr::emulator::EmulatorServer emulator(options);
        emulator.listen();
        emulator.addAccount(AccountId, AccountKey);
        for (int i = 0; i < sessionCount; ++i) {
            arr::emulator::SessionSeed seed;
            seed.status = SessionStatus::Ready;
            seed.maxLease = TimeSpan::fromHours(8);
            emulator.addSession(AccountId, seed);
        }
        arr::Account account;
        account.name = u"Bench"_s;
        account.accountId = AccountId;
        account.endpoint = emulator.baseUrl();
        account.tokenEndpoint = emulator.baseUrl();

        constexpr int Polls = 10;
        QNetworkAccessManager network;
        arr::RequestLog log;
        {
            arr::SessionMonitor monitor(&network, &log, nullptr);
            int polls = 0;
            QObject::connect(&monitor, &arr::SessionMonitor::pollFinished, &monitor, [&polls] { ++polls; });
            // Ten-second intervals pass in 50 ms.
            monitor.setTimeScale(200);
            monitor.addAccount(account, AccountKey);
            QElapsedTimer timer;
            timer.start();
            while (polls < Polls + 1 && timer.elapsed() < 60'000)
                QTest::qWait(1);
            // Count the requests of exactly ten completed polls.
            QTRY_COMPARE_WITH_TIMEOUT(monitor.activeRequestCount(), 0, 10000);
            monitor.removeAccount(account.name);
        }
        const int lists = emulator.requestCount(u"list"_s);
        const int tokens = emulator.requestCount(u"token"_s);
        const int all = emulator.requestCount();
        const double perPoll = double(all - tokens) / double(lists);

        // The vendor tools' way, measured on the same emulator.
        emulator.resetCounters();
        arr::TokenProvider tokensProvider(&network, account.tokenEndpoint, AccountId, AccountKey, &log, nullptr);
        arr::SessionApi api(&network, &tokensProvider, account, &log, nullptr);
        for (int poll = 0; poll < Polls; ++poll) {
            bool listed = false;
            QList<Session> sessions;
            QObject::connect(api.listSessions(), &arr::ApiJob::finished, &api, [&](const arr::ApiResult &r) {
                sessions = r.sessions;
                listed = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(listed, 30000);
            int pending = int(sessions.size());
            for (const Session &s : sessions)
                QObject::connect(api.sessionProperties(s.id), &arr::ApiJob::finished, &api,
                    [&](const arr::ApiResult &) { --pending; });
            QTRY_VERIFY_WITH_TIMEOUT(pending == 0, 120000);
        }
        const int vendor = emulator.requestCount() - emulator.requestCount(u"token"_s);

        table.add(u"requests per poll, %1 session(s), 10 poll intervals (%2 polls)"_s.arg(sessionCount).arg(lists),
            u"%1 per poll (%2 lists, %3 other) + %4 token fetch"_s.arg(perPoll, 0, 'f', 2)
                .arg(lists)
                .arg(all - tokens - lists)
                .arg(tokens),
            u"1 per poll + 1 token"_s, perPoll == 1.0 && tokens == 1,
            u"per-session properties: %1 per poll"_s.arg(double(vendor) / Polls, 0, 'f', 0));
    }
}

// Runs `program` to its end while this process keeps serving an in-process emulator; its wall time
// in ms, or -1 when it failed. *startedNs: the steady-clock time just before it started. `cpu` >= 0:
// the program runs on that processor only (Linux).
double runTimed(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
    QByteArray *output = nullptr, long long *startedNs = nullptr, int cpu = -1)
{
    QProcess process;
    process.setProcessEnvironment(environment);
#ifdef Q_OS_LINUX
    if (cpu >= 0) {
        process.setChildProcessModifier([cpu] {
            cpu_set_t set;
            CPU_ZERO(&set);
            CPU_SET(cpu, &set);
            sched_setaffinity(0, sizeof set, &set);
        });
    }
#else
    Q_UNUSED(cpu)
#endif
    QElapsedTimer timer;
    timer.start();
    if (startedNs)
        *startedNs = std::chrono::nanoseconds(std::chrono::steady_clock::now().time_since_epoch()).count();
    // Waits in the event loop, so that an emulator in this process answers the program, and without
    // spinning, so that the wait takes no processor time from the program measured.
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    process.start(program, arguments);
    if (!process.waitForStarted(10'000))
        return -1;
    loop.exec();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0 ? ms : -1;
}

// arrsm list --json against curl making the same two requests (token, list) in the same run.
void benchCommandLine(BenchTable &table)
{
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    if (curl.isEmpty()) {
        table.add(u"arrsm list --json against curl"_s, u"curl is not installed"_s, u"ratio reported"_s, false);
        return;
    }
    arr::emulator::EmulatorServer emulator;
    emulator.listen();
    emulator.addAccount(AccountId, AccountKey);
    emulator.addDemoSessions(AccountId);
    const QString base = emulator.baseUrl().toString();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"ARRSM_ENDPOINT"_s, base);
    environment.insert(u"ARRSM_STS_ENDPOINT"_s, base);
    environment.insert(u"ARRSM_ACCOUNT_ID"_s, AccountId);
    environment.insert(u"ARRSM_ACCOUNT_KEY"_s, AccountKey);

    std::vector<double> ours;
    std::vector<double> theirs;
    bool ok = true;
    for (int run = 0; run < 11; ++run) {
        QByteArray listed;
        const double arrsm = runTimed(QStringLiteral(ARRSM_BINARY), {u"list"_s, u"--json"_s}, environment, &listed);
        ok = ok && arrsm > 0 && QJsonDocument::fromJson(listed).isArray();
        ours.push_back(arrsm);

        QByteArray tokenAnswer;
        const double first = runTimed(curl,
            {u"-sf"_s, u"-H"_s, u"Authorization: Bearer "_s + AccountId + u':' + AccountKey,
                base + u"/accounts/"_s + AccountId + u"/token"_s},
            environment, &tokenAnswer);
        const QString token = QJsonDocument::fromJson(tokenAnswer).object().value(u"AccessToken"_s).toString();
        const double second = runTimed(curl,
            {u"-sf"_s, u"-H"_s, u"Authorization: Bearer "_s + token,
                base + u"/v1/accounts/"_s + AccountId + u"/sessions"_s},
            environment);
        ok = ok && first > 0 && second > 0 && !token.isEmpty();
        theirs.push_back(first + second);
    }
    const double arrsm = median(ours);
    const double curlPair = median(theirs);
    table.add(u"arrsm list --json (token + list), median of 11"_s,
        u"%1 ms, %2× curl"_s.arg(arrsm, 0, 'f', 1).arg(arrsm / curlPair, 0, 'f', 2), u"ratio reported"_s, ok,
        u"curl, the same two requests: %1 ms"_s.arg(curlPair, 0, 'f', 1));
}

// The value of a "name: N" line that a program printed, or -1.
long long printedValue(const QByteArray &output, const QByteArray &name)
{
    const QByteArray prefix = name + ':';
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().toLongLong();
    }
    return -1;
}

long long peakKib(const QByteArray &output)
{
    return printedValue(output, "peak-rss-kb");
}

// Runs a program that quits at its first paint (tests/bench/StartupProbe); the milliseconds from just before
// it started to that paint, or -1 when it failed or did not say.
double firstPaintMs(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
    QByteArray *output, int cpu = -1)
{
    long long started = 0;
    if (runTimed(program, arguments, environment, output, &started, cpu) < 0)
        return -1;
    const long long painted = printedValue(*output, "painted-at-ns");
    return painted > started ? double(painted - started) / 1e6 : -1;
}

// The desktop app with --demo to its first shown window, offscreen, against a bare QMainWindow
// program built in the same tree; then its peak memory with 10,000 sessions in the table. The app is
// arrsm-app-window: the app's window from the app's libraries, wired as app/main.cpp wires it, with
// the probe that tells the moment of its first paint.
void benchStartup(BenchTable &table)
{
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // A private home, so that the app neither reads nor writes the user's settings or keychain.
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    const QString settings = home.filePath(u"bench.ini"_s);
    const QStringList appArguments{u"shown"_s, u"--demo"_s, u"--settings"_s, settings};

    // From just before the program starts to its first painted window: what the user waits for.
    std::vector<double> bareShown, textShown, appShown;
    long long bareKib = -1;
    bool ok = true;
    // Single runs on a virtual machine spread by a quarter and more: a median of many.
    constexpr int Runs = 15;
    for (int run = 0; run < Runs; ++run) {
        QByteArray output;
        const double bShown = firstPaintMs(QStringLiteral(ARRSM_BARE_WINDOW_BINARY), {}, environment, &output);
        bareKib = std::max(bareKib, peakKib(output));
        const double tShown
            = firstPaintMs(QStringLiteral(ARRSM_BARE_WINDOW_BINARY), {u"--text"_s}, environment, &output);
        const double aShown = firstPaintMs(QStringLiteral(ARRSM_APP_WINDOW_BINARY), appArguments, environment, &output);
        ok = ok && aShown > 0 && bShown > 0 && tShown > 0;
        bareShown.push_back(bShown);
        textShown.push_back(tShown);
        appShown.push_back(aShown);
    }
    const double bareMs = median(bareShown);
    const double appMs = median(appShown);
    table.add(u"desktop app --demo to its first shown window, offscreen (median of %1)"_s.arg(Runs),
        u"%1 ms, %2× the bare window"_s.arg(appMs, 0, 'f', 1).arg(appMs / bareMs, 0, 'f', 2), u"reported"_s, ok,
        u"bare QMainWindow: %1 ms"_s.arg(bareMs, 0, 'f', 1));
    const double textMs = median(textShown);
    table.add(u"  the bare window with one line of text, to its first paint (median of %1)"_s.arg(Runs),
        u"%1 ms, %2× the bare window"_s.arg(textMs, 0, 'f', 1).arg(textMs / bareMs, 0, 'f', 2), u"(reported)"_s, ok,
        u"bare QMainWindow: %1 ms"_s.arg(bareMs, 0, 'f', 1));

#ifdef Q_OS_LINUX
    // The same pair with both programs held to one processor, each in turn. A virtual machine's
    // processors can differ in speed (here by a quarter), and a free-running program lands on
    // either: these ratios do not depend on where each run landed.
    QStringList perCpu;
    const int cpus = std::min(QThread::idealThreadCount(), 4);
    for (int cpu = 0; cpu < cpus && cpus > 1; ++cpu) {
        std::vector<double> barePinned, appPinned;
        for (int run = 0; run < 5; ++run) {
            QByteArray pinnedOutput;
            barePinned.push_back(
                firstPaintMs(QStringLiteral(ARRSM_BARE_WINDOW_BINARY), {}, environment, &pinnedOutput, cpu));
            appPinned.push_back(
                firstPaintMs(QStringLiteral(ARRSM_APP_WINDOW_BINARY), appArguments, environment, &pinnedOutput, cpu));
        }
        const double bare = median(barePinned);
        const double app = median(appPinned);
        ok = ok && bare > 0 && app > 0;
        perCpu.append(
            u"CPU %1: %2× (%3 / %4 ms)"_s.arg(cpu).arg(app / bare, 0, 'f', 2).arg(app, 0, 'f', 1).arg(bare, 0, 'f', 1));
    }
    if (!perCpu.isEmpty())
        table.add(u"  the same, both held to one processor, each in turn (medians of 5)"_s, perCpu.join(u"; "_s),
            u"(reported)"_s, ok, u"bare QMainWindow on the same processor"_s);
#endif

    QByteArray output;
    const double loadedShown = firstPaintMs(QStringLiteral(ARRSM_APP_WINDOW_BINARY),
        {u"loaded"_s, u"--demo"_s, u"--demo-sessions"_s, u"10000"_s, u"--settings"_s, settings}, environment, &output);
    const long long appKib = peakKib(output);
    table.add(u"desktop app --demo until 10,000 demo sessions are in the table"_s,
        loadedShown > 0 ? u"%1 ms"_s.arg(loadedShown, 0, 'f', 1) : u"not measured"_s, u"reported"_s, loadedShown > 0);
    const bool measured = loadedShown > 0 && appKib > 0 && bareKib > 0;
    table.add(u"peak resident memory, desktop app with 10,000 sessions loaded"_s,
        measured ? u"%1 MiB (+%2 MiB)"_s.arg(double(appKib) / 1024.0, 0, 'f', 1)
                       .arg(double(appKib - bareKib) / 1024.0, 0, 'f', 1)
                 : u"not measured"_s,
        u"≤ bare + 40 MiB"_s, measured && appKib - bareKib <= 40 * 1024,
        u"bare QMainWindow: %1 MiB"_s.arg(double(bareKib) / 1024.0, 0, 'f', 1));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    BenchTable table;
    const QStringList only = app.arguments().mid(1);
    const auto wanted = [&only](const QString &name) { return only.isEmpty() || only.contains(name); };
    if (wanted(u"requests"_s))
        benchRequestsPerPoll(table);
    if (wanted(u"apply"_s))
        benchApplyPoll(table);
    if (wanted(u"tick"_s))
        benchTick(table);
    if (wanted(u"decode"_s))
        benchDecode(table);
    if (wanted(u"sort"_s))
        benchSortFilter(table);
    if (wanted(u"cli"_s))
        benchCommandLine(table);
    if (wanted(u"startup"_s))
        benchStartup(table);
    const QString machine = u"Machine: %1, %2 cores, Qt %3, %4 build"_s.arg(QSysInfo::prettyProductName())
                                .arg(QThread::idealThreadCount())
                                .arg(QString::fromLatin1(qVersion()))
#ifdef NDEBUG
                                .arg(u"release"_s);
#else
                                .arg(u"debug"_s);
#endif
    return table.print(machine) == 0 ? 0 : 1;
}
