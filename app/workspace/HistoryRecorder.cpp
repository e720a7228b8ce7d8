#include "workspace/HistoryRecorder.h"

#include "core/Clock.h"
#include "monitor/LiveSessions.h"
#include "monitor/SessionMonitor.h"
#include "workspace/HistoryWriter.h"

using namespace Qt::StringLiterals;

namespace arr {

HistoryRecorder::HistoryRecorder(const LiveSessions *sessions, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_clock(clock ? clock : SystemClock::instance())
{
    qRegisterMetaType<HistoryBatch>();
    m_writer = new HistoryWriter;
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &HistoryWriter::opened, this, [this](bool enabled, const QString &problem) {
        m_enabled = enabled;
        setProblem(problem);
    });
    connect(m_writer, &HistoryWriter::failed, this, [this](const QString &problem) {
        m_enabled = false;
        setProblem(problem);
    });
    connect(m_writer, &HistoryWriter::written, this, &HistoryRecorder::historyChanged);
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
    m_enabled = true;
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, filePath, retentionDays] { writer->open(filePath, retentionDays); },
        Qt::QueuedConnection);
}

void HistoryRecorder::attach(SessionMonitor *monitor)
{
    connect(monitor, &SessionMonitor::pollFinished, this, [this](const QString &account, const ApiResult &result) {
        if (result.ok())
            recordPoll(account);
    });
    connect(monitor, &SessionMonitor::commandFinished, this, &HistoryRecorder::recordCommand);
}

void HistoryRecorder::flush()
{
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

void HistoryRecorder::send(HistoryBatch batch)
{
    if (!m_enabled || batch.isEmpty())
        return;
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, batch = std::move(batch)] { writer->write(batch); }, Qt::QueuedConnection);
}

void HistoryRecorder::recordPoll(const QString &account)
{
    if (!m_enabled)
        return;
    const QDateTime now = m_clock->now().toUTC();
    QHash<QString, Recorded> &recorded = m_recorded[account];
    const quint64 generation = ++m_generation;
    HistoryBatch batch;
    const int count = m_sessions->count();
    for (int i = 0; i < count; ++i) {
        const TrackedSession &entry = m_sessions->at(i);
        if (entry.account != account)
            continue;
        const Session &s = entry.session;
        Recorded &known = recorded[s.id];
        // A ready session's billed time moves at every poll: it is written once a minute of it has
        // gone by, so that an app watching thousands of sessions all day does not rewrite every one
        // of them every ten seconds. Any other change is written at once, the end of a session too.
        const bool billedMoved = known.elapsed != s.elapsed
            && (!known.elapsed || !s.elapsed || *s.elapsed < *known.elapsed
                || (*s.elapsed - *known.elapsed).totalSeconds() >= 60);
        const bool changed = known.generation == 0 || known.status != s.status || known.size != s.size || billedMoved
            || known.maxLease != s.maxLease || known.message != s.message;
        known.generation = generation;
        known.billedSeen = s.status == SessionStatus::Starting ? std::nullopt : s.elapsed;
        if (!changed)
            continue;
        known.status = s.status;
        known.size = s.size;
        known.elapsed = s.elapsed;
        known.maxLease = s.maxLease;
        known.message = s.message;
        HistoryObservation observation{account, s, now, QString::fromLatin1(entry.lastMsCv), std::nullopt};
        if (m_priceLookup)
            observation.pricePerHour = m_priceLookup(account, s.size);
        batch.observations.append(std::move(observation));
    }
    // Gone from the list: closed at its last known state unless it had ended.
    for (auto it = recorded.begin(); it != recorded.end();) {
        if (it->generation == generation) {
            ++it;
            continue;
        }
        if (!isFinalStatus(it->status)) {
            std::optional<qint64> billed;
            if (it->billedSeen && it->billedSeen != it->elapsed)
                billed = it->billedSeen->totalSeconds();
            batch.disappearances.append({account, it.key(), now, billed});
        }
        it = recorded.erase(it);
    }
    send(std::move(batch));
}

void HistoryRecorder::recordCommand(const CommandOutcome &outcome)
{
    // A keep-alive policy set or ended changes nothing at the service; its extends are recorded as such.
    if (!m_enabled || outcome.sessionId.isEmpty() || outcome.kind == CommandOutcome::Kind::KeepAlive)
        return;
    HistoryCommand command;
    command.account = outcome.account;
    command.sessionId = outcome.sessionId;
    command.at = m_clock->now().toUTC();
    command.detail
        = outcome.automatic ? tr("Automatic (keep-alive): %1").arg(outcome.description) : outcome.description;
    command.msCv = QString::fromLatin1(outcome.result.msCv);
    if (!outcome.succeeded) {
        command.kind = HistoryCommand::Kind::Failed;
    } else {
        switch (outcome.kind) {
        case CommandOutcome::Kind::Create:
            command.kind = HistoryCommand::Kind::Created;
            break;
        case CommandOutcome::Kind::Extend:
            command.kind = HistoryCommand::Kind::Extended;
            if (outcome.requestedLease)
                command.leaseSeconds = outcome.requestedLease->totalSeconds();
            break;
        case CommandOutcome::Kind::Stop:
            command.kind = HistoryCommand::Kind::Stopped;
            break;
        case CommandOutcome::Kind::KeepAlive:
            return;
        }
    }
    if (const TrackedSession *entry = m_sessions->find(outcome.account, outcome.sessionId))
        command.size = entry->session.size;
    HistoryBatch batch;
    batch.commands.append(command);
    send(std::move(batch));
}

} // namespace arr
