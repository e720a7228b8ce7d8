#pragma once

#include "core/JsonCodec.h"
#include "core/Session.h"
#include "monitor/CommandOutcome.h"
#include "service/ApiResult.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace arr {

class Clock;
class LiveSessions;
class SessionApi;

// The commands sent on one account, each carried to exactly one finished(). A create ends when the
// service names the session, shown at once as starting. An extend or a stop ends on the service's
// answer when that answer shows the change (the session with the new lease, stopping or stopped; a
// stop of a session the service no longer knows); otherwise it is followed over the account's polls
// until one shows the change. A send that failed is sent again while that is safe, one the service
// accepted never is. An accepted extend is settled by the first poll sent after the service said yes
// (a lease shows at once); a stop may take a few polls to show. SessionMonitor keeps one per account
// and tells it of each poll.
class CommandFollowThrough : public QObject
{
    Q_OBJECT

public:
    CommandFollowThrough(
        const QString &account, SessionApi *api, LiveSessions *sessions, const Clock *clock, QObject *parent = nullptr);
    ~CommandFollowThrough() override;

    void create(const CreateSessionRequest &request);
    // `automatic`: asked for by a keep-alive policy; the outcome says so.
    void extend(const QString &sessionId, TimeSpan newMaxLease, bool automatic);
    void stop(const QString &sessionId);

    // How many times a command the service has not accepted is sent before it is given up (3 by
    // default): 1 for a front end whose caller decides whether to try again (a script running arrsm).
    void setMaximumSends(int sends);

    // Whether an extend or a stop waits for a poll to confirm it.
    bool isFollowing() const { return !m_commands.isEmpty(); }
    // When a poll of the account is sent: its answer can confirm what the service has accepted so far.
    void pollStarted();
    // After each successful poll of the account: ends what the poll confirms or what can no longer be
    // confirmed, and sends again what needs it.
    void followPoll();
    // Stops following every extend and stop and returns their outcomes (cancelled: the account is
    // going), for the caller to report once the account's calls have stopped.
    QList<CommandOutcome> cancelAll();

Q_SIGNALS:
    void finished(const arr::CommandOutcome &outcome);
    // The service took a command on this session (or created it) and its answer did not show the
    // change: a poll now shows whether it took effect.
    void pollWanted(const QString &sessionId);
    // A send failed in a way that may pass: the next poll decides whether to send it again.
    void sendFailed();

private:
    struct Pending;

    void follow(const std::shared_ptr<Pending> &command, const QString &pendingText);
    void send(const std::shared_ptr<Pending> &command);
    void onSent(const std::shared_ptr<Pending> &command, const ApiResult &result);
    // Whether the session, as polled or as the service answered the command, shows the command done.
    static bool showsChange(const Pending &command, const Session *session);
    // Ends the command when the session as polled settles it; whether it did.
    bool settledByPoll(const std::shared_ptr<Pending> &command, const Session *session);
    // `seen`: the session's status in the poll that confirmed a stop; Expired or Error means it had
    // ended by itself, which the outcome then says.
    void finish(const std::shared_ptr<Pending> &command, bool succeeded, const ApiResult &result,
        SessionStatus seen = SessionStatus::Unknown);

    QString m_account;
    SessionApi *m_api;
    LiveSessions *m_sessions;
    const Clock *m_clock;
    QList<std::shared_ptr<Pending>> m_commands;
    int m_maximumSends;
};

} // namespace arr
