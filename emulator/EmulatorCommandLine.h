#pragma once

#include "emulator/EmulatorOptions.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace arr::emulator {

// What the arr-emulator command line asks for. Parsing is separate from main() so that it can be
// tested without starting a process.
struct EmulatorCommandLine
{
    enum class Action {
        Run,
        Help,
        Version,
        Fail, // `error` says why; the process exits with 2
    };
    Action action = Action::Run;
    QString error;
    QString helpText;

    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;
    // id and key of each --account; none means one generated demo account.
    QList<std::pair<QString, QString>> accounts;
    bool demoSessions = false;
    // --extra-sessions N: N more ready sessions per account, to try a client at scale.
    int extraSessions = 0;
    // --exit-with-stdin: exit when standard input closes, so that an emulator a program started never
    // outlives it, however that program ends.
    bool exitWithStdin = false;
    double timeScale = 1.0;
    bool verbose = false;
    // --tls-cert and --tls-key (always both or neither): serve https with this certificate and key
    // (read with readTlsCredentials()).
    QString tlsCertificateFile;
    QString tlsKeyFile;
    EmulatorOptions options;
};

// `arguments` as QCoreApplication::arguments() gives them, program name first.
EmulatorCommandLine parseCommandLine(const QStringList &arguments);

// A key in the shape of the service's account keys: 32 random bytes in base64.
QString randomAccountKey();

} // namespace arr::emulator
