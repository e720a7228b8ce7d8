#pragma once

#include <QObject>

namespace arr {

class SessionMonitor;

// Pauses the monitor while the machine is offline and resumes it when the network returns, from the
// platform's reachability information (QNetworkInformation). Where the platform has no backend for
// it, nothing is paused: polls then fail and back off as usual.
class NetworkWatcher : public QObject
{
    Q_OBJECT

public:
    explicit NetworkWatcher(SessionMonitor *monitor, QObject *parent = nullptr);

    // Loads a reachability backend; false when the platform has none.
    bool start();

private:
    SessionMonitor *m_monitor;
    bool m_active = false;
};

} // namespace arr
