#pragma once

#include "core/Session.h"
#include "service/ApiResult.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <optional>

namespace arr {

class ApiJob;
class SessionApi;

// Follows one session until it reaches a status (ready after a create, stopped after a stop), ends
// otherwise, or a deadline passes: reads its properties at an interval, rides out a few transient
// failures (each read has the service layer's own retries), and honours Retry-After. Ends in
// exactly one of reached(), ended(), failed() or (with a timeout) timedOut(), unless cancelled.
class SessionWatch : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        SessionStatus until = SessionStatus::Ready;
        std::chrono::milliseconds interval{5'000};
        // None: the caller keeps a deadline of its own.
        std::optional<std::chrono::milliseconds> timeout;
    };

    SessionWatch(SessionApi *api, const QString &sessionId, const Options &options, QObject *parent = nullptr);
    ~SessionWatch() override;

    // Reads at once (`readNow`) or after one interval (right after a command, whose effect takes a
    // moment to show).
    void start(bool readNow);
    // Ends the watch without a signal.
    void cancel();

    QString sessionId() const { return m_sessionId; }
    std::optional<Session> lastSeen() const { return m_lastSeen; }

Q_SIGNALS:
    // Each successful read.
    void observed(const arr::Session &session);
    // A read failed in a way another read may not repeat; the watch goes on.
    void retrying(const arr::ApiResult &result);
    void reached(const arr::Session &session);
    // The session reached a final status other than the one waited for.
    void ended(const arr::Session &session);
    void failed(const arr::ApiResult &result);
    void timedOut();

private:
    void read();
    void onRead(const ApiResult &result);
    void finish();

    SessionApi *m_api;
    QString m_sessionId;
    Options m_options;
    QTimer m_readTimer;
    QTimer m_deadline;
    QPointer<ApiJob> m_job;
    std::optional<Session> m_lastSeen;
    int m_failedReads = 0;
    bool m_finished = false;
};

} // namespace arr
