#pragma once

#include <QLockFile>
#include <QObject>

#include <memory>

class QLocalServer;

namespace arr {

// One window per settings file: two windows on one file would both poll, both run the keep-alive
// policies and both save the accounts (the last save winning). The first start holds a lock and a
// local server named after the file; a later start finds them and asks the first to come to the
// front instead of opening a window of its own.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `settingsFile`: the settings file's path (QSettings::fileName()), which names the instance.
    explicit SingleInstance(const QString &settingsFile, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when this is the first start on the settings file: it then listens for later starts.
    // False when another start holds it.
    bool claim();
    // Asks the first start to show its window; false when it did not answer within `timeoutMs`.
    // Blocks for at most that long: called before any window exists.
    bool askFirstToShow(int timeoutMs) const;

    QString serverName() const { return m_serverName; }

Q_SIGNALS:
    // A later start asked this one to show its window.
    void showRequested();

private:
    QString m_serverName;
    QLockFile m_lock;
    std::unique_ptr<QLocalServer> m_server;
};

} // namespace arr
