#include "core/Clock.h"
#include "emulator/EmulatorCommandLine.h"
#include "emulator/EmulatorServer.h"
#include "emulator/TlsCredentials.h"

#include <QCoreApplication>
#include <QUuid>

#include <cstdio>
#include <memory>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

void printLine(std::FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Quits the application once standard input reaches its end: the parent that holds the other end
// of the pipe closed it or ended, crashed or killed alike. A thread, because no event loop can watch a
// pipe on every platform (QSocketNotifier cannot on Windows).
void quitWhenStdinCloses()
{
    std::thread([] {
        char buffer[256];
        while (std::fread(buffer, 1, sizeof buffer, stdin) > 0) { }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
    }).detach();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"arr-emulator"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ARRSM_VERSION));

    using arr::emulator::EmulatorCommandLine;
    const EmulatorCommandLine commandLine = arr::emulator::parseCommandLine(QCoreApplication::arguments());
    switch (commandLine.action) {
    case EmulatorCommandLine::Action::Help:
        printLine(stdout, commandLine.helpText.trimmed());
        return 0;
    case EmulatorCommandLine::Action::Version:
        printLine(stdout, u"arr-emulator "_s + QCoreApplication::applicationVersion());
        return 0;
    case EmulatorCommandLine::Action::Fail:
        printLine(stderr, u"arr-emulator: "_s + commandLine.error);
        printLine(stderr, u"Try 'arr-emulator --help' for the options."_s);
        return 2;
    case EmulatorCommandLine::Action::Run:
        break;
    }

    std::unique_ptr<arr::Clock> scaledClock;
    const arr::Clock *clock = arr::SystemClock::instance();
    if (commandLine.timeScale != 1.0) {
        scaledClock = std::make_unique<arr::ScaledClock>(commandLine.timeScale);
        clock = scaledClock.get();
    }
    arr::emulator::EmulatorServer server(commandLine.options, clock);
    if (!commandLine.tlsCertificateFile.isEmpty()) {
        const arr::emulator::TlsCredentials tls
            = arr::emulator::readTlsCredentials(commandLine.tlsCertificateFile, commandLine.tlsKeyFile);
        // An unusable certificate or key is a bad option like any other.
        if (!tls.ok() || !server.setTls(tls.certificate, tls.privateKey)) {
            printLine(stderr, u"arr-emulator: "_s + (tls.ok() ? server.errorString() : tls.error));
            return 2;
        }
    }

    auto accounts = commandLine.accounts;
    const bool generated = accounts.isEmpty();
    if (generated)
        accounts.append({QUuid::createUuid().toString(QUuid::WithoutBraces), arr::emulator::randomAccountKey()});
    for (const auto &[id, key] : accounts) {
        server.addAccount(id, key);
        if (commandLine.demoSessions)
            server.addDemoSessions(id);
        server.addReadySessions(id, commandLine.extraSessions);
    }

    if (!server.listen(commandLine.address, commandLine.port)) {
        printLine(stderr, u"arr-emulator: "_s + server.errorString());
        return 1;
    }
    printLine(stdout, u"listening on "_s + server.baseUrl().toString());
    if (generated)
        printLine(stdout, u"account %1 key %2"_s.arg(accounts.first().first, accounts.first().second));

    if (commandLine.exitWithStdin)
        quitWhenStdinCloses();
    if (commandLine.verbose) {
        QObject::connect(
            &server, &arr::emulator::EmulatorServer::requestHandled, &server, [](const QString &operation, int status) {
                printLine(stderr,
                    u"%1 %2"_s.arg(operation.isEmpty() ? u"-"_s : operation,
                        status == 0 ? u"dropped"_s : QString::number(status)));
            });
        QObject::connect(&server, &arr::emulator::EmulatorServer::tlsHandshakeFailed, &server,
            [](const QString &reason) { printLine(stderr, u"tls handshake failed: "_s + reason); });
    }
    return QCoreApplication::exec();
}
