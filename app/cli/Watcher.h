#pragma once

#include "cli/ArrsmCommandLine.h"

#include <QObject>

#include <memory>

class QIODevice;

namespace arr {
class MetricsEndpoint;
class Workspace;
struct SessionNotification;
} // namespace arr

namespace arr::cli {

// arrsm watch: the application layer without a window. Starts a Workspace that polls every enabled
// saved account (or the environment's account), records the history, runs the keep-alive policies and
// the budget and long-running alerts, and serves the metrics over HTTP. The front end only writes the
// alerts to stderr, one line each, and builds the metrics text from the workspace's state.
class Watcher : public QObject
{
    Q_OBJECT

public:
    Watcher(Command command, QIODevice *err, QObject *parent = nullptr);
    ~Watcher() override;

    // Starts watching; false (with the reason on stderr) when the metrics cannot be served.
    bool start();
    // The metrics text a scrape gets now.
    QByteArray metricsText() const;

private:
    void printErr(const QString &line);
    void onNotification(const arr::SessionNotification &notification);

    Command m_command;
    QIODevice *m_err;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MetricsEndpoint> m_endpoint;
    // Whether the last line about the history was a trouble (printed once until it is over).
    bool m_historyTroubleShown = false;
};

} // namespace arr::cli
