#pragma once

#include "core/Clock.h"
#include "core/Session.h"
#include "emulator/EmulatorOptions.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QSslCertificate;
class QSslKey;

namespace arr::emulator {

// A local server of the service contract (shared/API.md, v1 session API and the token service on
// one base URL), in the spirit of Azurite: the server every service test, the command-line tests
// and the desktop app's demo mode talk to over real HTTP.
//
// Strict where the contract is: bodies, paths, methods, tokens and lifecycle are checked as the
// service did, every refusal has a status, an error body and an MS-CV. Time comes from the injected
// clock, and the session lifecycle is computed from it on every request, so a ManualClock drives it
// deterministically. Faults (errors, latency, drops, malformed bodies) are drawn from a seeded
// generator. Lives in the thread that created it; besides listen(), port() and baseUrl(), its
// functions may be called from other threads too.
//
// Serves plain http by default, or https with a given certificate (setTls()), so that the client's
// certificate checks can be tested against a real handshake.
//
// Holds against hostile clients (HttpConnection, HttpListener): a request head over 64 KiB is
// answered 431 and its connection closed; a body declared over 1 MiB is refused (after
// authorization) without being read; a connection idle for EmulatorOptions::idleTimeoutMs, or a TLS
// handshake not finished within it, is closed; at most EmulatorOptions::maxConnections are open at
// once. Requests on a connection are answered in order, one at a time (pipelining works). HEAD is
// answered 405 like any method the contract does not have; Transfer-Encoding (chunked bodies) is
// answered 501.
class EmulatorServer : public QObject
{
    Q_OBJECT

public:
    explicit EmulatorServer(EmulatorOptions options = {}, const arr::Clock *clock = nullptr, QObject *parent = nullptr);
    ~EmulatorServer() override;

    // Serves https with this certificate and its private key from listen() on; call it before
    // listen(). The certificate is not checked against the listening address: a client verifies it
    // against the host of baseUrl() (127.0.0.1 unless another address is listened on). False with
    // errorString() when either is null, the key is not a private key, this Qt has no TLS backend,
    // or the server is listening already.
    bool setTls(const QSslCertificate &certificate, const QSslKey &privateKey);
    bool isTls() const;

    // Starts listening; port 0 picks a free port. False with errorString() when it cannot (or when
    // already listening).
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QString errorString() const;
    quint16 port() const;
    // http://127.0.0.1:PORT, or https:// after setTls() (the listening address; loopback when
    // listening on every address). The token service is served at the same base URL.
    QUrl baseUrl() const;

    // Adds an account (any non-empty id, matched ignoring case), or changes the key of one.
    void addAccount(const QString &accountId, const QString &key);
    QStringList accounts() const;
    // Puts a session in place directly, bypassing the API; returns its id (empty for an unknown
    // account).
    QString addSession(const QString &accountId, const SessionSeed &seed);
    // Sessions in every state: starting, ready, ready with a few minutes of lease left, stopping,
    // stopped, expired and error.
    void addDemoSessions(const QString &accountId);
    // `count` ready sessions with leases from 1 to 24 hours and ages up to an hour, to try a client
    // at scale.
    void addReadySessions(const QString &accountId, int count);
    // The emulator's truth for the account: what a list request would answer now, decoded.
    QList<arr::Session> sessions(const QString &accountId) const;

    // Requests received (faulted ones included) for an operation: "token", "create", "update",
    // "list", "properties", "stop"; an empty name counts every request, unknown paths included.
    int requestCount(const QString &operation = {}) const;
    void resetCounters();

    // Every token issued so far becomes invalid: its next use is answered 401.
    void revokeTokens();
    // While unavailable, the token service answers 503.
    void setTokenServiceAvailable(bool available);

    // Changes the faults from the next request on, and restarts their generator from faults.seed.
    void setFaults(const FaultOptions &faults);
    FaultOptions faults() const;
    // Changes every option (timings apply to sessions created or stopped afterwards); restarts the
    // fault generator like setFaults().
    void setOptions(const EmulatorOptions &options);
    EmulatorOptions options() const;

Q_SIGNALS:
    // After each answer is sent (or its connection dropped: status 0). `operation` is one of the
    // names of requestCount(), or empty for an unknown path.
    void requestHandled(const QString &operation, int status);
    // A TLS handshake with the https server failed or did not finish within the idle timeout, so no
    // request was read from that connection: typically a client that refused the certificate, or
    // one speaking plain http to the https port.
    void tlsHandshakeFailed(const QString &reason);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace arr::emulator
