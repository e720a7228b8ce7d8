#include "workspace/SessionWatch.h"

#include "service/SessionApi.h"

#include <algorithm>

namespace arr {

namespace {

// Failures that another read may not repeat: worth waiting through while following a session.
bool isTransient(ErrorKind kind)
{
    return kind == ErrorKind::Network || kind == ErrorKind::Timeout || kind == ErrorKind::Server
        || kind == ErrorKind::Throttled || kind == ErrorKind::BadResponse;
}

// Reads in a row that may fail before the watch gives up: the service layer has already retried each.
constexpr int MaximumFailedReads = 3;

} // namespace

SessionWatch::SessionWatch(SessionApi *api, const QString &sessionId, const Options &options, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_sessionId(sessionId)
    , m_options(options)
{
    m_readTimer.setSingleShot(true);
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_readTimer, &QTimer::timeout, this, &SessionWatch::read);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_finished)
            return;
        finish();
        Q_EMIT timedOut();
    });
}

SessionWatch::~SessionWatch()
{
    cancel();
}

void SessionWatch::start(bool readNow)
{
    if (m_options.timeout)
        m_deadline.start(*m_options.timeout);
    if (readNow)
        read();
    else
        m_readTimer.start(m_options.interval);
}

void SessionWatch::cancel()
{
    finish();
}

void SessionWatch::finish()
{
    m_finished = true;
    m_readTimer.stop();
    m_deadline.stop();
    if (m_job)
        m_job->abort();
}

void SessionWatch::read()
{
    if (m_finished)
        return;
    m_job = m_api->sessionProperties(m_sessionId);
    connect(m_job, &ApiJob::finished, this, [this](const ApiResult &result) {
        // Once decided, late answers (of a read aborted by the deadline) change nothing.
        if (!m_finished)
            onRead(result);
    });
}

void SessionWatch::onRead(const ApiResult &result)
{
    m_job = nullptr;
    const auto nextRead
        = std::max<std::chrono::milliseconds>(m_options.interval, result.retryAfter.value_or(std::chrono::seconds(0)));
    if (!result.ok() || !result.session) {
        if (isTransient(result.kind) && ++m_failedReads < MaximumFailedReads) {
            Q_EMIT retrying(result);
            m_readTimer.start(nextRead);
            return;
        }
        finish();
        Q_EMIT failed(result);
        return;
    }
    m_failedReads = 0;
    const Session session = *result.session;
    m_lastSeen = session;
    Q_EMIT observed(session);
    if (session.status == m_options.until) {
        finish();
        Q_EMIT reached(session);
        return;
    }
    if (isFinalStatus(session.status)) {
        finish();
        Q_EMIT ended(session);
        return;
    }
    m_readTimer.start(nextRead);
}

} // namespace arr
