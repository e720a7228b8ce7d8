#include "workspace/NetworkWatcher.h"

#include "monitor/SessionMonitor.h"

#include <QLoggingCategory>
#include <QNetworkInformation>

Q_LOGGING_CATEGORY(lcNetworkWatcher, "arrsm.workspace.network", QtWarningMsg)

namespace arr {

NetworkWatcher::NetworkWatcher(SessionMonitor *monitor, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
{
}

bool NetworkWatcher::start()
{
    if (m_active)
        return true;
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcNetworkWatcher) << "no reachability backend; polling is not paused while offline";
        return false;
    }
    QNetworkInformation *information = QNetworkInformation::instance();
    if (!information)
        return false;
    const auto apply = [this](QNetworkInformation::Reachability reachability) {
        // Only "disconnected" pauses: a local-only network still reaches the local emulator and a
        // company's own host, and "unknown" must not stop a working app.
        m_monitor->setOnline(reachability != QNetworkInformation::Reachability::Disconnected);
    };
    connect(information, &QNetworkInformation::reachabilityChanged, this, apply);
    apply(information->reachability());
    m_active = true;
    return true;
}

} // namespace arr
