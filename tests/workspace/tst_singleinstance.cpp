#include "workspace/SingleInstance.h"

#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;
using arr::SingleInstance;

// One window per settings file: the first start claims it and is asked to show itself by the next.
class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void laterStartAsksTheFirstToShow()
    {
        QTemporaryDir dir;
        const QString settings = dir.filePath(u"settings.ini"_s);
        SingleInstance first(settings);
        QVERIFY(first.claim());
        QSignalSpy shown(&first, &SingleInstance::showRequested);

        SingleInstance second(settings);
        QVERIFY(!second.claim());
        bool asked = false;
        // The first answers in this event loop; the second's blocking ask runs beside it.
        std::unique_ptr<QThread> asker(QThread::create([&] { asked = second.askFirstToShow(5000); }));
        asker->start();
        QVERIFY(shown.wait(5000));
        QVERIFY(asker->wait(5000));
        QVERIFY(asked);
        QCOMPARE(shown.size(), 1);
    }

    void otherSettingsAreAnotherInstance()
    {
        QTemporaryDir dir;
        SingleInstance first(dir.filePath(u"a.ini"_s));
        SingleInstance other(dir.filePath(u"b.ini"_s));
        QVERIFY(first.claim());
        QVERIFY(other.claim());
        QVERIFY(first.serverName() != other.serverName());
    }

    void freedWhenTheFirstEnds()
    {
        QTemporaryDir dir;
        const QString settings = dir.filePath(u"settings.ini"_s);
        {
            SingleInstance first(settings);
            QVERIFY(first.claim());
        }
        SingleInstance next(settings);
        QVERIFY(next.claim());
    }

    // Nothing but the one request makes the first show itself.
    void otherBytesAreIgnored()
    {
        QTemporaryDir dir;
        const QString settings = dir.filePath(u"settings.ini"_s);
        SingleInstance first(settings);
        QVERIFY(first.claim());
        QSignalSpy shown(&first, &SingleInstance::showRequested);
        QLocalSocket socket;
        socket.connectToServer(first.serverName());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(QByteArray(1000, 'x'));
        QSignalSpy gone(&socket, &QLocalSocket::disconnected);
        QVERIFY(gone.wait(5000));
        QCOMPARE(shown.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
