// arrsm-bench: the performance targets of the product, measured against baselines in the same run.
// Run by scripts/bench; exits non-zero when a target is missed.
#include "BenchSupport.h"
#include "BenchTable.h"
#include "common/EventLoopStalls.h"
#include "common/MonitorPolls.h"
#include "common/TestEmulator.h"

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
#include "workspace/HistoryRecorder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <tuple>
#include <utility>
#include <vector>

#ifdef Q_OS_LINUX
#include <sched.h>
#include <unistd.h>
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
    // One signal for each block of columns that moves with time, never one per row or one for the
    // whole row: the countdown at every tick, the two cost columns once per cost step (36 s without
    // prices, as here).
    int countdownSignals = 0;
    int costSignals = 0;
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const int first = signal.at(0).toModelIndex().column();
        const int last = signal.at(1).toModelIndex().column();
        countdownSignals += first == SessionTableModel::RemainingColumn && last == first ? 1 : 0;
        costSignals += first == SessionTableModel::CostSoFarColumn && last == SessionTableModel::CostAtLeaseEndColumn;
    }
    // Without prices the cost columns show billed hours, which change every hundredth of an hour.
    constexpr int costTicks = 36;
    const int expectedCost = (1001 + costTicks - 1) / costTicks;
    const bool perBlock
        = countdownSignals == 1001 && costSignals == expectedCost && changed.size() == 1001 + expectedCost;
    table.add(u"countdown tick, 10,000 sessions (median)"_s, ms(alone), u"≤ 0.1 ms"_s, alone <= 0.1);
    table.add(u"  dataChanged over 1,001 ticks, a second apart"_s,
        u"%1 countdown, %2 cost columns"_s.arg(countdownSignals).arg(costSignals),
        u"1,001 countdown; the costs every %1 s: %2"_s.arg(costTicks).arg(expectedCost), perBlock);

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
        const arr::Account account = accountOn(u"Bench"_s, AccountId, emulator);

        constexpr int Polls = 10;
        QNetworkAccessManager network;
        arr::RequestLog log;
        {
            arr::SessionMonitor monitor(&network, &log, nullptr);
            int polls = 0;
            QObject::connect(&monitor, &arr::SessionMonitor::pollFinished, &monitor, [&polls] { ++polls; });
            // Ten-second intervals pass in 50 ms.
            shortenIntervals(monitor, 200);
            monitor.addAccount(account, AccountKey);
            QElapsedTimer timer;
            timer.start();
            while (polls < Polls + 1 && timer.elapsed() < 60'000)
                QTest::qWait(1);
            // A poll cut short here asked for its list alone, as every poll does: the ratio holds.
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

// An environment of its own for the desktop app: a private home, so that the app neither reads nor
// writes the user's settings, and no session bus, so that no key reaches the user's keychain.
QProcessEnvironment privateEnvironment(const QTemporaryDir &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    environment.insert(u"XDG_RUNTIME_DIR"_s, home.path());
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + home.filePath(u"no-bus"_s));
    return environment;
}

// First data: from just before the desktop app starts (--demo, N extra sessions, offscreen) to the
// paint that shows the first poll's sessions in the table; what a person waits for before the
// window is of use. The bare QMainWindow's first paint, measured in the same run, is the context:
// what any Qt window costs on this machine before the app does anything.
void benchFirstData(BenchTable &table)
{
    QTemporaryDir home;
    const QProcessEnvironment environment = privateEnvironment(home);
    const QString settings = home.filePath(u"bench.ini"_s);
    // Single runs on a shared virtual machine spread by a quarter and more: medians.
    constexpr int Runs = 7;
    std::vector<double> bare;
    long long bareKib = -1;
    bool bareOk = true;
    for (int run = 0; run < Runs; ++run) {
        QByteArray output;
        const double shown = firstPaintMs(QStringLiteral(ARRSM_BARE_WINDOW_BINARY), {}, environment, &output);
        bareOk = bareOk && shown > 0;
        bareKib = std::max(bareKib, peakKib(output));
        bare.push_back(shown);
    }
    const double bareMs = median(bare);
    const QString context = u"bare QMainWindow's first paint: %1 ms"_s.arg(bareMs, 0, 'f', 1);
    long long appKib = -1;
    for (const auto &[count, targetMs] : {std::pair{1'000, 150.0}, std::pair{10'000, 250.0}}) {
        std::vector<double> loaded;
        bool ok = bareOk;
        for (int run = 0; run < Runs; ++run) {
            QByteArray output;
            const double ms = firstPaintMs(QStringLiteral(ARRSM_APP_WINDOW_BINARY),
                {u"loaded"_s, u"--demo"_s, u"--demo-sessions"_s, QString::number(count), u"--settings"_s, settings},
                environment, &output);
            ok = ok && ms > 0;
            if (count == 10'000)
                appKib = std::max(appKib, peakKib(output));
            loaded.push_back(ms);
        }
        const double ms = median(loaded);
        table.add(u"first data: start to the first poll's %1 sessions painted, --demo, offscreen (median of %2)"_s
                      .arg(QLocale(QLocale::English).toString(count))
                      .arg(Runs),
            ok ? u"%1 ms"_s.arg(ms, 0, 'f', 1) : u"failed"_s, u"≤ %1 ms"_s.arg(targetMs, 0, 'f', 0),
            ok && ms <= targetMs, context);
    }
    const bool measured = appKib > 0 && bareKib > 0;
    table.add(u"peak resident memory, desktop app with 10,000 sessions loaded"_s,
        measured ? u"%1 MiB (+%2 MiB)"_s.arg(double(appKib) / 1024.0, 0, 'f', 1)
                       .arg(double(appKib - bareKib) / 1024.0, 0, 'f', 1)
                 : u"not measured"_s,
        u"≤ bare + 40 MiB"_s, measured && appKib - bareKib <= 40 * 1024,
        u"bare QMainWindow: %1 MiB"_s.arg(double(bareKib) / 1024.0, 0, 'f', 1));
}

// Lets the event loop run for `ms`.
void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The processor time (user + system, all threads) of a process so far, in seconds; -1 if unknown.
double processCpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // The command name in parentheses may hold spaces: the fields are counted after its end.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the name.
    if (fields.size() < 13)
        return -1;
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return ticks / double(sysconf(_SC_CLK_TCK));
}

// Idle cost: the app's own processor time while it watches an account of an emulator in another
// process (arr-emulator), at the default 10 s polls and 1 s tick, nothing selected, then the first
// row selected, then (1,000 sessions) with the window hidden, as a share of one core.
void benchIdleCost(BenchTable &table, int seconds)
{
    QProcess emulatorProcess;
    emulatorProcess.start(QStringLiteral(ARR_EMULATOR_BINARY),
        {u"--account"_s, AccountId + u':' + AccountKey, u"--start-delay"_s, u"0"_s});
    QUrl base;
    waitFor(
        [&] {
            while (emulatorProcess.canReadLine()) {
                const QString line = QString::fromUtf8(emulatorProcess.readLine()).trimmed();
                if (line.startsWith(u"listening on "_s))
                    base = QUrl(line.mid(13));
            }
            return base.isValid() || emulatorProcess.state() == QProcess::NotRunning;
        },
        10'000);
    if (!base.isValid()) {
        table.add(u"idle cost"_s, u"arr-emulator did not start"_s, u"–"_s, false);
        return;
    }
    arr::Account account;
    account.name = u"Bench"_s;
    account.accountId = AccountId;
    account.endpoint = base;
    account.tokenEndpoint = base;
    QNetworkAccessManager network;
    arr::RequestLog log;
    arr::TokenProvider tokens(&network, account.tokenEndpoint, AccountId, AccountKey, &log, nullptr);
    arr::SessionApi api(&network, &tokens, account, &log, nullptr);

    QTemporaryDir home;
    const QProcessEnvironment environment = privateEnvironment(home);
    const QString settingsFile = home.filePath(u"bench.ini"_s);
    {
        QSettings ini(settingsFile, QSettings::IniFormat);
        ini.beginWriteArray(u"accounts"_s, 1);
        ini.setArrayIndex(0);
        ini.setValue(u"name"_s, account.name);
        ini.setValue(u"accountId"_s, account.accountId);
        ini.setValue(u"endpoint"_s, base.toString());
        ini.setValue(u"tokenEndpoint"_s, base.toString());
        ini.setValue(u"enabled"_s, true);
        ini.endArray();
    }

    int created = 0;
    enum class Seen { Quiet, Selected, Hidden };
    for (const auto &[count, quietTarget, selectedTarget] :
        {std::tuple{1'000, 0.5, 1.0}, std::tuple{10'000, 1.0, 1.0}}) {
        // The sessions, through the API, as their owner would have created them.
        int pending = 0;
        int failed = 0;
        for (; created < count; ++created) {
            ++pending;
            QObject::connect(api.createSession({TimeSpan::fromHours(24), u"standard"_s, {}}), &arr::ApiJob::finished,
                &api, [&](const arr::ApiResult &result) {
                    --pending;
                    failed += result.ok() ? 0 : 1;
                });
        }
        const bool seeded = waitFor([&] { return pending == 0; }, 300'000) && failed == 0;
        for (const Seen seen : {Seen::Quiet, Seen::Selected, Seen::Hidden}) {
            if (seen == Seen::Hidden && count != 1'000)
                continue;
            const bool selected = seen == Seen::Selected;
            const QString figure = u"idle cost: watching %1 sessions, 10 s polls, 1 s tick, %2, over %3 s"_s
                                       .arg(QLocale(QLocale::English).toString(count))
                                       .arg(seen == Seen::Hidden ? u"window hidden (polls go on)"_s
                                               : selected        ? u"first row selected"_s
                                                                 : u"nothing selected"_s)
                                       .arg(seconds);
            const double target = seen == Seen::Hidden ? 0.1 : selected ? selectedTarget : quietTarget;
            const QString targetText = u"≤ %1 % of one core"_s.arg(target);
            if (!seeded) {
                table.add(
                    figure, u"%1 of %2 sessions could not be created"_s.arg(failed).arg(count), targetText, false);
                continue;
            }
            QProcess app;
            app.setProcessEnvironment(environment);
            QStringList arguments{u"watch"_s, u"--bench-expect"_s, QString::number(count), u"--bench-key"_s, AccountKey,
                u"--settings"_s, settingsFile};
            if (selected)
                arguments.append(u"--bench-select"_s);
            if (seen == Seen::Hidden)
                arguments.append(u"--bench-hide"_s);
            app.start(QStringLiteral(ARRSM_APP_WINDOW_BINARY), arguments);
            QByteArray output;
            const bool ready = waitFor(
                                   [&] {
                                       output += app.readAllStandardOutput();
                                       return output.contains("ready-at-ns:") || app.state() == QProcess::NotRunning;
                                   },
                                   120'000)
                && app.state() == QProcess::Running;
            double cpu = -1;
            if (ready) {
                // Past the first poll's work: from here on the app only watches.
                pause(std::min(10, seconds / 4) * 1000);
                const double before = processCpuSeconds(app.processId());
                QElapsedTimer wall;
                wall.start();
                pause(seconds * 1000);
                const double after = processCpuSeconds(app.processId());
                const double elapsed = double(wall.nsecsElapsed()) / 1e9;
                if (before >= 0 && after >= before && app.state() == QProcess::Running)
                    cpu = (after - before) / elapsed * 100.0;
            }
            app.kill();
            app.waitForFinished();
            table.add(figure, cpu >= 0 ? u"%1 % of one core"_s.arg(cpu, 0, 'f', 3) : u"not measured"_s, targetText,
                cpu >= 0 && cpu <= target);
        }
    }
    emulatorProcess.kill();
    emulatorProcess.waitForFinished();
}

// This thread's processor time in ms; -1 where it cannot be read.
double threadCpuMs()
{
#ifdef Q_OS_LINUX
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
#endif
    return -1;
}

// The session history: what recording a poll costs the GUI thread (the longest stretch it spends in
// the recorder at once, the diff signals' handling included, against a frame of 4 ms) and how soon
// the poll is on disk (a real SQLite file, written by the recorder's thread). Wall-clock figures are
// the targets; the processor times beside them tell the recorder's own cost from a wait for a core
// on a busy machine.
void benchHistory(BenchTable &table)
{
    QTemporaryDir directory;
    arr::ManualClock clock;
    arr::LiveSessions live(&clock);
    arr::HistoryRecorder recorder(&live, &clock);
    arr::HistoryRecording recording;
    recording.setPriceLookup([](const QString &, const QString &size) -> std::optional<double> {
        return size == u"premium"_s ? 12.0 : 3.0;
    });
    recorder.setRecording(&recording);
    recorder.open(directory.filePath(u"history.sqlite"_s), 400);
    recorder.flush();
    int written = 0;
    QObject::connect(&recorder, &arr::HistoryRecorder::historyChanged, &recorder, [&written] { ++written; });

    // Applies a poll, records it as the monitor would, and waits until the writer has it on disk.
    // The longest GUI-thread stretch in the recorder (the recordPoll() call, or the longest the event
    // loop then went without turning while the recorder finished in slices), the time from the poll to the disk (the
    // apply itself left out: it is the monitor's) and the processor time this process spent meanwhile (all threads),
    // which on a busy machine tells the recorder's cost from the wait for a core. In ms.
    struct Recorded
    {
        double gui = 0;
        double disk = 0;
        double cpu = 0;
        // The GUI thread's processor time from recordPoll() to the batch on disk: every slice.
        double guiCpu = -1;
    };
    const auto poll = [&](const QList<Session> &sessions) {
        clock.advance(10'000);
        const int before = written;
        const std::clock_t cpuStart = std::clock();
        QElapsedTimer timer;
        timer.start();
        QElapsedTimer apply;
        apply.start();
        // The diff signals reach the recorder during applyPoll: their handling counts as a stretch.
        live.applyPoll(u"A"_s, sessions, clock.monotonicMs(), "cv.bench");
        const double applyMs = double(apply.nsecsElapsed()) / 1e6;
        const double guiCpuStart = threadCpuMs();
        QElapsedTimer call;
        call.start();
        recorder.recordPoll(u"A"_s);
        const double callMs = double(call.nsecsElapsed()) / 1e6;
        EventLoopStalls stalls;
        stalls.start();
        waitFor([&] { return written > before; }, 60'000);
        stalls.stop();
        Recorded r;
        if (guiCpuStart >= 0)
            r.guiCpu = threadCpuMs() - guiCpuStart;
        r.disk = double(timer.nsecsElapsed()) / 1e6 - applyMs;
        r.cpu = double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC;
        r.gui = std::max(callMs, stalls.longestMs());
        return r;
    };
    const auto cpuNote = [](double cpuMs, double guiCpuMs) {
        QString note = u"processor time, all threads: %1"_s.arg(ms(cpuMs));
        if (guiCpuMs >= 0)
            note += u"; GUI thread from recordPoll on (the stall probe's timer included): %1"_s.arg(ms(guiCpuMs));
        return note;
    };

    const QList<Session> base = makeSessions(10'000, 11);
    const Recorded first = poll(base);
    const bool firstOk = written == 1;
    table.add(u"history: first poll of 10,000 sessions, recorded until on disk (SQLite file)"_s, ms(first.disk),
        u"≤ 300 ms"_s, firstOk && first.disk <= 300.0, cpuNote(first.cpu, first.guiCpu));
    table.add(u"history: longest GUI-thread stretch in the recorder, that first poll"_s, ms(first.gui), u"≤ 4 ms"_s,
        firstOk && first.gui <= 4.0);

    // Steady polls: 1 % changed status, 0.5 % new, 0.5 % gone; alternating, so each is a real diff.
    QList<Session> changed = base;
    QRandomGenerator random(12);
    for (int i = 0; i < 100; ++i) {
        Session &s = changed[random.bounded(int(changed.size()))];
        s.status = s.status == SessionStatus::Ready ? SessionStatus::Stopping : SessionStatus::Ready;
        s.statusText = arr::sessionStatusWireName(s.status);
    }
    for (int i = 0; i < 50; ++i)
        changed.removeAt(random.bounded(int(changed.size())));
    QList<Session> fresh = makeSessions(50, 13);
    for (Session &s : fresh)
        s.id = u"new-"_s + s.id;
    changed.append(fresh);
    std::vector<double> steadyGui;
    std::vector<double> steadyDisk;
    std::vector<double> steadyCpu;
    std::vector<double> steadyGuiCpu;
    for (int i = 0; i < 21; ++i) {
        const Recorded r = poll(i % 2 ? base : changed);
        steadyGui.push_back(r.gui);
        steadyDisk.push_back(r.disk);
        steadyCpu.push_back(r.cpu);
        steadyGuiCpu.push_back(r.guiCpu);
    }
    const double steadyGuiMax = *std::max_element(steadyGui.begin(), steadyGui.end());
    const double steadyDiskMedian = median(steadyDisk);
    table.add(u"history: steady poll of 10,000 sessions, 1 % changed, 0.5 % new, 0.5 % gone; on disk (median)"_s,
        ms(steadyDiskMedian), u"≤ 50 ms"_s, steadyDiskMedian <= 50.0, cpuNote(median(steadyCpu), median(steadyGuiCpu)));
    table.add(u"  longest GUI-thread stretch in the recorder over 21 such polls"_s, ms(steadyGuiMax), u"≤ 4 ms"_s,
        steadyGuiMax <= 4.0);

    // Every ready session billed a minute more: every entry changed, a third of them written.
    QList<Session> minuteLater = base;
    for (Session &s : minuteLater)
        s.elapsed = *s.elapsed + TimeSpan::fromMinutes(1);
    const Recorded all = poll(minuteLater);
    table.add(u"history: poll of 10,000 sessions, every billed time a minute on; on disk"_s, ms(all.disk),
        u"≤ 300 ms"_s, all.disk <= 300.0, cpuNote(all.cpu, all.guiCpu));
    table.add(u"  longest GUI-thread stretch in the recorder, that poll"_s, ms(all.gui), u"≤ 4 ms"_s, all.gui <= 4.0);
    table.add(u"  history problems reported"_s, recorder.problem().isEmpty() ? u"none"_s : recorder.problem(),
        u"none"_s, recorder.problem().isEmpty());
}

// Resident memory of this process in KiB, or -1.
long long residentKib()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// A day in a minute: the monitor with the table model and sorted proxy a window holds polls, for 24
// hours of a clock the bench moves (10 s per poll, a tick every second), an emulator in this process
// on the same clock whose sessions come and go (50 creates and 50 stops an hour, through the
// monitor's commands). Memory must level off once the request log has filled to its cap (the log is
// meant to hold that much); it stays at its cap.
void benchDayInAMinute(BenchTable &table)
{
    arr::ManualClock clock;
    arr::emulator::EmulatorServer emulator({}, &clock);
    emulator.listen();
    emulator.addAccount(AccountId, AccountKey);
    QList<QString> alive;
    for (int i = 0; i < 50; ++i) {
        arr::emulator::SessionSeed seed;
        seed.status = SessionStatus::Ready;
        seed.maxLease = TimeSpan::fromHours(24);
        alive.append(emulator.addSession(AccountId, seed));
    }
    const arr::Account account = accountOn(u"Bench"_s, AccountId, emulator);

    QNetworkAccessManager network;
    arr::RequestLog log;
    arr::SessionMonitor monitor(&network, &log, &clock);
    SessionTableModel model(&monitor.sessions());
    arr::SessionFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(SessionTableModel::RemainingColumn);
    // The monitor's own timers far out of the way: every poll is one the bench asked for.
    monitor.setPollInterval(24h);
    monitor.setFastPollInterval(24h);
    int polls = 0;
    int failedPolls = 0;
    QObject::connect(
        &monitor, &arr::SessionMonitor::pollFinished, &monitor, [&](const QString &, const arr::ApiResult &r) {
            ++polls;
            failedPolls += r.ok() ? 0 : 1;
        });
    QObject::connect(
        &monitor, &arr::SessionMonitor::commandFinished, &monitor, [&](const arr::CommandOutcome &outcome) {
            if (outcome.kind == arr::CommandOutcome::Kind::Create && outcome.succeeded)
                alive.append(outcome.sessionId);
        });
    monitor.addAccount(account, AccountKey);
    bool ok = waitFor([&] { return polls >= 1; }, 10'000);

    constexpr int PollsPerHour = 360;
    constexpr int Polls = 24 * PollsPerHour;
    constexpr int ChangesPerHour = 50;
    long long hourKib = -1;
    long long fullLogKib = -1;
    int logFullAtPoll = -1;
    QElapsedTimer wall;
    wall.start();
    for (int poll = 1; ok && poll <= Polls; ++poll) {
        for (int second = 0; second < 10; ++second) {
            clock.advance(1000);
            model.tick();
        }
        if (poll * ChangesPerHour / PollsPerHour > (poll - 1) * ChangesPerHour / PollsPerHour) {
            monitor.createSession(account.name, {TimeSpan::fromHours(8), u"standard"_s, {}});
            if (!alive.isEmpty())
                monitor.stopSession(account.name, alive.takeFirst());
        }
        const int before = polls;
        monitor.refresh();
        ok = waitFor([&] { return polls > before; }, 10'000);
        if (poll == PollsPerHour)
            hourKib = residentKib();
        if (logFullAtPoll < 0 && log.size() >= log.capacity()) {
            logFullAtPoll = poll;
            fullLogKib = residentKib();
        }
    }
    const long long dayKib = residentKib();
    const double seconds = double(wall.elapsed()) / 1000.0;
    const long long growth = dayKib - fullLogKib;
    table.add(u"a day in a minute: %1 polls (24 h at 10 s), 50 creates and stops an hour; resident memory"_s.arg(
                  QLocale(QLocale::English).toString(Polls)),
        ok && logFullAtPoll > 0 ? u"%1 MiB when the log reached its cap (%2 h), %3 MiB at 24 h (%4%5 KiB); took %6 s"_s
                                      .arg(double(fullLogKib) / 1024.0, 0, 'f', 1)
                                      .arg(double(logFullAtPoll) / PollsPerHour, 0, 'f', 1)
                                      .arg(double(dayKib) / 1024.0, 0, 'f', 1)
                                      .arg(growth >= 0 ? u"+"_s : QString())
                                      .arg(growth)
                                      .arg(seconds, 0, 'f', 0)
                                : u"stopped after %1 polls, the log at %2 entries"_s.arg(polls).arg(log.size()),
        u"≤ +1 MiB from the log's cap to 24 h"_s, ok && logFullAtPoll > 0 && growth <= 1024,
        hourKib > 0 ? u"%1 MiB at 1 h (the log filling)"_s.arg(double(hourKib) / 1024.0, 0, 'f', 1) : QString());
    const qsizetype logged = log.size();
    table.add(
        u"  request log after the day; %1 sessions listed at the end, %2 failed polls"_s.arg(monitor.sessions().count())
            .arg(failedPolls),
        u"%1 entries"_s.arg(logged), u"= its cap (%1)"_s.arg(log.capacity()),
        ok && logged == log.capacity() && failedPolls == 0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    BenchTable table;
    QStringList only = app.arguments().mid(1);
    // --quick: the idle cost over 20 s instead of 60, for development.
    const bool quick = only.removeAll(u"--quick"_s) > 0;
    const auto wanted = [&only](const QString &name) { return only.isEmpty() || only.contains(name); };
    // First, while this process's heap is fresh: after the other benchmarks it holds a quarter of a
    // gigabyte that glibc keeps, and a day's growth would not show in its resident memory.
    if (wanted(u"day"_s))
        benchDayInAMinute(table);
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
    if (wanted(u"first-data"_s))
        benchFirstData(table);
    if (wanted(u"history"_s))
        benchHistory(table);
    if (wanted(u"team"_s))
        benchTeamHistory(table);
    if (wanted(u"idle"_s))
        benchIdleCost(table, quick ? 20 : 60);
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
