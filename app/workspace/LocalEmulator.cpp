#include "workspace/LocalEmulator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

#include <utility>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// Long enough for a cold start on a busy machine (10,000 extra sessions included); short enough that
// a hung emulator is reported while the user still waits for it.
constexpr int StartTimeoutMs = 20'000;
// What the emulator is given to say why it did not start or stopped; its messages are one line.
constexpr qint64 MaximumErrorOutput = 4096;

} // namespace

LocalEmulator::LocalEmulator(const QString &program, int extraSessions, QObject *parent)
    : QObject(parent)
    , m_program(program.isEmpty() ? defaultProgram() : program)
    , m_extraSessions(extraSessions)
{
    m_startTimeout.setSingleShot(true);
    m_startTimeout.setInterval(StartTimeoutMs);
    connect(&m_startTimeout, &QTimer::timeout, this, [this] {
        fail(
            tr("The local emulator did not start: %1 gave no answer within %n seconds.", nullptr, StartTimeoutMs / 1000)
                .arg(QDir::toNativeSeparators(m_program)));
    });
}

LocalEmulator::~LocalEmulator()
{
    stopProcess();
}

QString LocalEmulator::accountName()
{
    return u"Local emulator"_s;
}

QString LocalEmulator::defaultProgram()
{
    // Installed in the same directory as the app: bin/ on Linux, beside the .exe on Windows, and
    // Contents/MacOS inside the bundle on macOS (all of them applicationDirPath()).
#ifdef Q_OS_WIN
    const QString name = u"arr-emulator.exe"_s;
#else
    const QString name = u"arr-emulator"_s;
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

void LocalEmulator::start()
{
    if (m_state == State::Starting || m_state == State::Running)
        return;
    stopProcess();
    m_state = State::Starting;
    m_error.clear();
    // A new run has a new port, account and key.
    m_baseUrl.clear();
    m_accountId.clear();
    m_key.clear();
    if (!QFileInfo(m_program).isExecutable()) {
        // Reported from the event loop, as every other outcome of start() is.
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(tr("The local emulator could not start: %1 is missing; reinstall the app.")
                         .arg(QDir::toNativeSeparators(m_program)));
            },
            Qt::QueuedConnection);
        return;
    }
    m_process = new QProcess(this);
    m_process->setProgram(m_program);
    QStringList arguments{u"--port"_s, u"0"_s, u"--demo-sessions"_s, u"--exit-with-stdin"_s};
    if (m_extraSessions > 0)
        arguments << u"--extra-sessions"_s << QString::number(m_extraSessions);
    m_process->setArguments(arguments);
#ifdef Q_OS_WIN
    // arr-emulator is a console program: without this, Windows opens a console window beside the app.
    m_process->setCreateProcessArgumentsModifier(
        [](QProcess::CreateProcessArguments *process) { process->flags |= CREATE_NO_WINDOW; });
#endif
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LocalEmulator::readGreeting);
    connect(
        m_process, &QProcess::errorOccurred, this,
        [this](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart && m_process)
                fail(tr("The local emulator could not start: %1").arg(m_process->errorString()));
        },
        Qt::QueuedConnection);
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        const QString said
            = QString::fromLocal8Bit(m_process->readAllStandardError().right(MaximumErrorOutput)).trimmed();
        const QString how
            = status == QProcess::CrashExit ? tr("it crashed") : tr("it ended with exit code %1").arg(exitCode);
        const QString why = said.isEmpty() ? how : tr("%1: %2").arg(how, said.section(u'\n', -1));
        fail(m_state == State::Running ? tr("The local emulator stopped (%1).").arg(why)
                                       : tr("The local emulator could not start (%1).").arg(why));
    });
    m_startTimeout.start();
    // Standard input stays open as long as the process object lives: the emulator's lifeline.
    m_process->start(QIODevice::ReadWrite);
}

void LocalEmulator::readGreeting()
{
    if (m_state != State::Starting) {
        // Nothing more is expected; what it says is not kept.
        m_process->readAllStandardOutput();
        return;
    }
    // "listening on http://127.0.0.1:PORT", then "account ID key KEY" (arr-emulator --help).
    while (m_process->canReadLine()) {
        const QString line = QString::fromLocal8Bit(m_process->readLine()).trimmed();
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        if (words.size() == 3 && line.startsWith(u"listening on "_s)) {
            m_baseUrl = QUrl(words.at(2));
        } else if (words.size() == 4 && words.at(0) == u"account"_s && words.at(2) == u"key"_s) {
            m_accountId = words.at(1);
            m_key = words.at(3);
        } else {
            return fail(tr("The local emulator did not start: it said \"%1\".").arg(line.left(200)));
        }
    }
    if (m_baseUrl.isValid() && !m_accountId.isEmpty()) {
        m_startTimeout.stop();
        m_state = State::Running;
        Q_EMIT started();
    }
}

void LocalEmulator::fail(const QString &why)
{
    if (m_state == State::Failed || m_state == State::NotStarted)
        return;
    stopProcess();
    m_state = State::Failed;
    m_error = why;
    Q_EMIT failed(why);
}

void LocalEmulator::stop()
{
    stopProcess();
    m_state = State::NotStarted;
    m_error.clear();
    m_baseUrl.clear();
    m_accountId.clear();
    m_key.clear();
}

void LocalEmulator::stopProcess()
{
    m_startTimeout.stop();
    if (!m_process)
        return;
    QProcess *process = std::exchange(m_process, nullptr);
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        // Killed rather than asked: it holds nothing worth saving, and a kill ends it at once.
        process->kill();
        process->waitForFinished(1000);
    }
    process->deleteLater();
}

Account LocalEmulator::account() const
{
    Account account;
    account.name = accountName();
    account.accountId = m_accountId;
    account.endpoint = m_baseUrl;
    account.tokenEndpoint = m_baseUrl;
    return account;
}

} // namespace arr
