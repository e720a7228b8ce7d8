#include "workspace/SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

constexpr QByteArrayView ShowRequest = "show\n";

// The same for every start on the same file by the same user, short enough for a socket's path.
QString instanceName(const QString &settingsFile)
{
    const QString path = QFileInfo(settingsFile).absoluteFilePath();
    const QByteArray who = qgetenv("USER") + '\n' + qgetenv("USERNAME") + '\n' + path.toUtf8();
    return u"arr-session-manager-"_s
        + QString::fromLatin1(QCryptographicHash::hash(who, QCryptographicHash::Sha256).toHex().left(24));
}

} // namespace

SingleInstance::SingleInstance(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_serverName(instanceName(settingsFile))
    , m_lock(QDir(QDir::tempPath()).filePath(m_serverName + u".lock"_s))
{
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::claim()
{
    // The lock decides, not the socket: two starts at the same moment cannot both take it, and a
    // start that crashed leaves a lock of a process that is gone, which QLockFile takes over.
    if (!m_lock.tryLock(0))
        return false;
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // What a crashed start left behind is ours now.
    QLocalServer::removeServer(m_serverName);
    if (!m_server->listen(m_serverName)) {
        // Without the server a later start cannot ask; it still finds the lock and says so.
        m_server.reset();
        return true;
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                // Anything but the one request is ignored: the socket is the user's own, but not trusted.
                if (socket->bytesAvailable() > 64) {
                    socket->abort();
                    return;
                }
                if (socket->canReadLine() && socket->readLine() == ShowRequest.toByteArray())
                    Q_EMIT showRequested();
                socket->disconnectFromServer();
            });
        }
    });
    return true;
}

bool SingleInstance::askFirstToShow(int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(ShowRequest.data(), ShowRequest.size());
    return socket.waitForBytesWritten(timeoutMs);
}

} // namespace arr
