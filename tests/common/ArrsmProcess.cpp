#include "common/ArrsmProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The peak resident set of a running process so far, in KiB; 0 when it cannot be read.
qint64 peakResidentKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace

QList<QJsonObject> ArrsmRun::lines() const
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

QString ArrsmRun::describe() const
{
    return u"exit %1 after %2 ms\n--- stdout\n%3--- stderr\n%4"_s.arg(exitCode).arg(elapsedMs).arg(
        QString::fromUtf8(out), QString::fromUtf8(err));
}

QProcessEnvironment arrsmBareEnvironment(const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"ARRSM_"_s))
            environment.remove(name);
    }
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    environment.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    return environment;
}

QProcessEnvironment arrsmEnvironment(
    const QString &home, const QUrl &service, const QString &accountId, const QString &accountKey)
{
    QProcessEnvironment environment = arrsmBareEnvironment(home);
    environment.insert(u"ARRSM_ENDPOINT"_s, service.toString());
    environment.insert(u"ARRSM_STS_ENDPOINT"_s, service.toString());
    environment.insert(u"ARRSM_ACCOUNT_ID"_s, accountId);
    environment.insert(u"ARRSM_ACCOUNT_KEY"_s, accountKey);
    return environment;
}

ArrsmRun runArrsm(const QStringList &arguments, const QProcessEnvironment &environment, const ArrsmRunOptions &options)
{
    ArrsmRun result;
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    // The peak is read while the child lives: once it has exited, /proc has forgotten it.
    QTimer sampler;
    sampler.setInterval(5);
    QObject::connect(&sampler, &QTimer::timeout, &process,
        [&] { result.peakKiB = std::max(result.peakKiB, peakResidentKiB(process.processId())); });
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(ARRSM_BINARY), arguments);
    if (!process.waitForStarted(10'000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (options.samplePeakMemory)
        sampler.start();
    if (!finished.wait(options.timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "test: arrsm did not finish in time\n" + process.readAllStandardError();
        result.out = process.readAllStandardOutput();
        return result;
    }
    sampler.stop();
    result.elapsedMs = timer.elapsed();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
