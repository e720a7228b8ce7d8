#include "workspace/HistoryRecorder.h"

#include "core/Clock.h"
#include "monitor/LiveSessions.h"
#include "monitor/SessionMonitor.h"
#include "workspace/HistoryWriter.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace arr {

HistoryRecorder::HistoryRecorder(const LiveSessions *sessions, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_clock(clock ? clock : SystemClock::instance())
{
    qRegisterMetaType<HistoryBatch>();
    qRegisterMetaType<QList<BilledUsage>>();
    qRegisterMetaType<QHash<QString, QList<HistoryEvent>>>();
    qRegisterMetaType<QList<HistoryAlert>>();
    m_writer = new HistoryWriter;
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &HistoryWriter::opened, this, [this](bool enabled, const QString &problem) {
        m_enabled = enabled;
        setProblem(problem);
    });
    // A write that failed is kept and tried again by the writer: the recorder goes on recording.
    connect(m_writer, &HistoryWriter::failed, this,
        [this](const QString &problem, qint64 waiting, const QDateTime &since, bool team) {
            setProblem(team ? teamProblem(problem, waiting, since)
                            : tr("%1 Nothing is lost: %n change(s) wait and are written as soon as the file can be "
                                 "written again.",
                                nullptr, int(std::min<qint64>(waiting, INT_MAX)))
                                  .arg(problem));
        });
    connect(m_writer, &HistoryWriter::recovered, this, [this] { setProblem({}); });
    connect(m_writer, &HistoryWriter::written, this, &HistoryRecorder::historyChanged);
    connect(
        m_writer, &HistoryWriter::endedUsage, this, [this](const QDateTime &since, const QList<BilledUsage> &usage) {
            m_endedSince = since;
            m_endedUsage = usage;
        });
    connect(m_writer, &HistoryWriter::actionsRead, &m_actions, &SessionActions::setRead);
    connect(m_writer, &HistoryWriter::alertsRead, this, &HistoryRecorder::alertsRead);
    // Entries already listed are new to the history; from here on only what the diff signals name.
    m_dirty.assign(size_t(m_sessions->count()), 1);
    for (int i = 0; i < m_sessions->count(); ++i)
        ++m_dirtyCount[m_sessions->at(i).account];
    connect(m_sessions, &LiveSessions::inserted, this, &HistoryRecorder::onInserted);
    connect(m_sessions, &LiveSessions::aboutToRemove, this, &HistoryRecorder::onAboutToRemove);
    connect(m_sessions, &LiveSessions::changed, this, &HistoryRecorder::onChanged);
    m_thread.setObjectName(u"history writer"_s);
    m_thread.start(QThread::LowPriority);
}

HistoryRecorder::~HistoryRecorder()
{
    // Whatever was handed over is written before the thread ends: nothing seen is lost on exit.
    flush();
    QMetaObject::invokeMethod(m_writer, &HistoryWriter::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void HistoryRecorder::open(const QString &filePath, int retentionDays)
{
    open(HistoryLocation::file(filePath), retentionDays, {});
}

void HistoryRecorder::open(const HistoryLocation &location, int retentionDays, const QString &outboxFile)
{
    if (m_opened) {
        // The new history may not hold what the old one did: every listed session is new to it.
        m_recorded.clear();
        m_gone.clear();
        std::fill(m_dirty.begin(), m_dirty.end(), quint8(1));
        m_dirtyCount.clear();
        for (int i = 0; i < m_sessions->count(); ++i)
            ++m_dirtyCount[m_sessions->at(i).account];
        for (PendingPoll &poll : m_polls)
            poll.next = 0;
    }
    m_opened = true;
    m_enabled = true;
    QMetaObject::invokeMethod(
        m_writer,
        [writer = m_writer, location, retentionDays, outboxFile] { writer->open(location, retentionDays, outboxFile); },
        Qt::QueuedConnection);
}

QString HistoryRecorder::teamProblem(const QString &problem, qint64 waiting, const QDateTime &since) const
{
    const QDateTime local = since.toLocalTime();
    const QLocale locale;
    // The time alone today; with the date when it has been longer.
    const QString when = local.date() == m_clock->now().toLocalTime().date()
        ? locale.toString(local.time(), QLocale::ShortFormat)
        : locale.toString(local, QLocale::ShortFormat);
    return tr("Team history unreachable since %1; %n record(s) waiting.", nullptr,
               int(std::min<qint64>(waiting, INT_MAX)))
               .arg(when)
        + u' ' + problem;
}

void HistoryRecorder::attach(SessionMonitor *monitor)
{
    connect(monitor, &SessionMonitor::pollFinished, this, [this](const QString &account, const ApiResult &result) {
        if (result.ok())
            recordPoll(account);
    });
    connect(monitor, &SessionMonitor::commandFinished, this, &HistoryRecorder::recordCommand);
}

void HistoryRecorder::watchEndedSince(const QDateTime &since)
{
    if (since == m_watchedSince)
        return;
    m_watchedSince = since;
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, since] { writer->watchEndedSince(since); }, Qt::QueuedConnection);
}

void HistoryRecorder::watchAlerts(const QDateTime &since, const QStringList &accountKeys)
{
    if (since == m_alertsSince && accountKeys == m_alertAccountKeys)
        return;
    m_alertsSince = since;
    m_alertAccountKeys = accountKeys;
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, since, accountKeys] { writer->watchAlerts(since, accountKeys); },
        Qt::QueuedConnection);
}

bool HistoryRecorder::endedSince(const QDateTime &since, QList<BilledUsage> *usage) const
{
    if (!m_enabled || m_endedSince != since)
        return false;
    *usage = m_endedUsage;
    return true;
}

void HistoryRecorder::flush()
{
    // A poll still being sliced is finished first: flush() is for when the caller may wait.
    const QStringList accounts = m_polls.keys();
    for (const QString &account : accounts) {
        PendingPoll &poll = m_polls[account];
        if (m_enabled) {
            recordSlice(account, poll, true);
            finishPoll(account, poll);
        } else {
            m_polls.remove(account);
        }
    }
    // Queued calls run in order: once this empty one has, every earlier batch has been written.
    QMetaObject::invokeMethod(
        m_writer, [] {}, Qt::BlockingQueuedConnection);
}

void HistoryRecorder::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged(problem);
}

void HistoryRecorder::setAccounts(const QList<Account> &accounts)
{
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, accounts] { writer->setAccounts(accounts); }, Qt::QueuedConnection);
}

void HistoryRecorder::send(HistoryBatch batch)
{
    if (!m_enabled || batch.isEmpty())
        return;
    m_recording->identify(batch);
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, batch = std::move(batch)] { writer->write(batch); }, Qt::QueuedConnection);
}

namespace {

// How long the GUI thread may spend recording before it lets the event loop run (a frame is 4 ms;
// the rest of the frame is the window's).
constexpr qint64 SliceBudgetNs = 2'000'000;

} // namespace

void HistoryRecorder::onInserted()
{
    const int count = m_sessions->count();
    const int first = int(m_dirty.size());
    m_dirty.resize(size_t(count), 1);
    const QString *account = nullptr;
    int *dirty = nullptr;
    for (int i = first; i < count; ++i) {
        const QString &entryAccount = m_sessions->at(i).account;
        if (!account || entryAccount != *account) {
            account = &entryAccount;
            dirty = &m_dirtyCount[entryAccount];
        }
        ++*dirty;
    }
}

void HistoryRecorder::onChanged(int first, int last)
{
    const QString *account = nullptr;
    int *dirty = nullptr;
    for (int i = first; i <= last; ++i) {
        if (m_dirty[size_t(i)])
            continue;
        m_dirty[size_t(i)] = 1;
        const QString &entryAccount = m_sessions->at(i).account;
        if (!account || entryAccount != *account) {
            account = &entryAccount;
            dirty = &m_dirtyCount[entryAccount];
        }
        ++*dirty;
    }
    // A poll being sliced may have passed these positions already.
    for (PendingPoll &poll : m_polls)
        poll.next = 0;
}

void HistoryRecorder::onAboutToRemove(int first, int last)
{
    for (int i = first; i <= last; ++i) {
        const TrackedSession &entry = m_sessions->at(i);
        if (m_dirty[size_t(i)])
            --m_dirtyCount[entry.account];
        const auto account = m_recorded.find(entry.account);
        if (account == m_recorded.end())
            continue;
        const auto known = account->constFind(entry.session.id);
        if (known == account->constEnd())
            continue;
        // Gone from the list: closed at its last known state unless it had ended. Whether it is
        // really gone is known when the account's poll is recorded (an account removed and added
        // again lists it anew).
        if (!isFinalStatus(known->status)) {
            std::optional<qint64> billed;
            if (known->billedSeen && known->billedSeen != known->elapsed)
                billed = known->billedSeen->totalSeconds();
            m_gone[entry.account].append({entry.account, entry.session.id, {}, billed, {}});
        }
        account->erase(known);
    }
    m_dirty.erase(m_dirty.begin() + first, m_dirty.begin() + last + 1);
    // Positions moved: a poll being sliced looks again from the start (what it recorded is clean).
    for (PendingPoll &poll : m_polls)
        poll.next = 0;
}

void HistoryRecorder::recordPoll(const QString &account)
{
    // An account left out keeps its entries marked dirty: they are never looked at.
    if (!m_enabled || !recordsAccount(account))
        return;
    PendingPoll &poll = m_polls[account];
    poll.requested = true;
    poll.at = m_clock->now().toUTC();
    poll.next = 0;
    if (recordSlice(account, poll, false))
        finishPoll(account, poll);
    else
        continuePolls();
}

bool HistoryRecorder::recordSlice(const QString &account, PendingPoll &poll, bool unbounded)
{
    int &dirty = m_dirtyCount[account];
    if (dirty == 0)
        return true;
    QElapsedTimer timer;
    timer.start();
    QHash<QString, Recorded> &recorded = m_recorded[account];
    recorded.reserve(recorded.size() + dirty);
    poll.batch.observations.reserve(poll.batch.observations.size() + dirty);
    // Every session of one poll carries the poll's MS-CV, and few sizes exist: convert and look up once.
    QByteArray lastMsCv;
    QString lastMsCvText;
    QHash<QString, std::optional<double>> prices;
    const QString identity = m_recording->identityOf(account);
    const int count = m_sessions->count();
    int looked = 0;
    for (int i = poll.next; i < count && dirty > 0; ++i) {
        if (!m_dirty[size_t(i)])
            continue;
        const TrackedSession &entry = m_sessions->at(i);
        if (entry.account != account)
            continue;
        m_dirty[size_t(i)] = 0;
        --dirty;
        const Session &s = entry.session;
        const auto found = recorded.find(s.id);
        const bool fresh = found == recorded.end();
        Recorded &known = fresh ? *recorded.insert(s.id, Recorded()) : *found;
        // A ready session's billed time moves at every poll: it is written once a minute of it has
        // gone by, so that an app watching thousands of sessions all day does not rewrite every one
        // of them every ten seconds. Any other change is written at once, the end of a session too.
        const bool billedMoved = known.elapsed != s.elapsed
            && (!known.elapsed || !s.elapsed || *s.elapsed < *known.elapsed
                || (*s.elapsed - *known.elapsed).totalSeconds() >= 60);
        const bool changed = fresh || known.status != s.status || known.size != s.size || billedMoved
            || known.maxLease != s.maxLease || known.message != s.message;
        known.billedSeen = s.status == SessionStatus::Starting ? std::nullopt : s.elapsed;
        if (changed) {
            known.status = s.status;
            known.size = s.size;
            known.elapsed = s.elapsed;
            known.maxLease = s.maxLease;
            known.message = s.message;
            if (entry.lastMsCv != lastMsCv || lastMsCvText.isNull()) {
                lastMsCv = entry.lastMsCv;
                lastMsCvText = QString::fromLatin1(lastMsCv);
            }
            HistoryObservation observation{account, s, poll.at, lastMsCvText, std::nullopt, identity};
            auto price = prices.constFind(s.size);
            if (price == prices.constEnd())
                price = prices.insert(s.size, m_recording->priceOf(account, s.size));
            observation.pricePerHour = *price;
            poll.batch.observations.append(std::move(observation));
        }
        if (!unbounded && (++looked % 64) == 0 && timer.nsecsElapsed() >= SliceBudgetNs) {
            poll.next = i + 1;
            return dirty == 0;
        }
    }
    return true;
}

void HistoryRecorder::finishPoll(const QString &account, PendingPoll &poll)
{
    HistoryBatch batch = std::move(poll.batch);
    const QList<HistoryDisappearance> gone = m_gone.take(account);
    for (HistoryDisappearance disappearance : gone) {
        if (m_sessions->find(account, disappearance.sessionId))
            continue;
        disappearance.at = poll.at;
        batch.disappearances.append(disappearance);
    }
    m_polls.remove(account);
    send(std::move(batch));
}

void HistoryRecorder::continuePolls()
{
    if (m_continuing)
        return;
    m_continuing = true;
    QTimer::singleShot(0, this, [this] {
        m_continuing = false;
        QElapsedTimer stretch;
        stretch.start();
        const QStringList accounts = m_polls.keys();
        bool more = false;
        for (const QString &account : accounts) {
            PendingPoll &poll = m_polls[account];
            if (!m_enabled) {
                m_polls.remove(account);
                continue;
            }
            if (recordSlice(account, poll, false))
                finishPoll(account, poll);
            else
                more = true;
            if (stretch.nsecsElapsed() >= SliceBudgetNs)
                break;
        }
        if (more || !m_polls.isEmpty())
            continuePolls();
    });
}

void HistoryRecorder::recordAlert(const SessionNotification &notification)
{
    if (!m_enabled || !recordsAccount(notification.account))
        return;
    const std::optional<HistoryAlert> alert = m_recording->alert(notification, m_clock->now().toUTC());
    if (!alert)
        return;
    HistoryBatch batch;
    batch.alerts.append(*alert);
    send(std::move(batch));
}

void HistoryRecorder::recordCommand(const CommandOutcome &outcome)
{
    if (!m_enabled || !recordsAccount(outcome.account))
        return;
    QString size;
    if (const TrackedSession *entry = m_sessions->find(outcome.account, outcome.sessionId))
        size = entry->session.size;
    const std::optional<HistoryCommand> command = m_recording->command(outcome, m_clock->now().toUTC(), size);
    if (!command)
        return;
    // Known at once: the history holds it once the writer has written it.
    static const QHash<HistoryCommand::Kind, QString> kinds{{HistoryCommand::Kind::Created, u"created"_s},
        {HistoryCommand::Kind::Extended, u"extended"_s}, {HistoryCommand::Kind::Stopped, u"stopped"_s}};
    if (const QString kind = kinds.value(command->kind); !kind.isEmpty())
        m_actions.add(outcome.account,
            {outcome.account, command->accountKey, command->sessionId, command->at, kind, command->detail,
                command->msCv, command->actor});
    HistoryBatch batch;
    batch.commands.append(*command);
    send(std::move(batch));
}

} // namespace arr
