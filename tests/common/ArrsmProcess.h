#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

// Running the arrsm binary from a test, the same way in every suite.

// What one run of the arrsm binary did.
struct ArrsmRun
{
    // -1 when it did not run to its end, -2 when it crashed.
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
    // The highest peak resident set (KiB) read while it ran, when asked for (see runArrsm()).
    qint64 peakKiB = 0;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    // stdout read as one JSON object per line.
    QList<QJsonObject> lines() const;
    QString describe() const;
};

#define COMPARE_EXIT(run, expected) QVERIFY2((run).exitCode == (expected), qPrintable((run).describe()))

// An environment in a home of the test's own: settings and data under `home`, no ARRSM_ variables of
// the caller's, no session bus (the keychain is reliably absent rather than sometimes asking a person)
// and no display.
QProcessEnvironment arrsmBareEnvironment(const QString &home);
// The same, with the environment's account: `service` as endpoint and token service, its id and key.
QProcessEnvironment arrsmEnvironment(
    const QString &home, const QUrl &service, const QString &accountId, const QString &accountKey);

struct ArrsmRunOptions
{
    int timeoutMs = 30'000;
    // Reads the peak resident set every few milliseconds while it runs (Linux).
    bool samplePeakMemory = false;
};

// Runs arrsm with `arguments`, waiting in this thread's event loop, which may serve an emulator of the
// test's own; kills it after the timeout.
ArrsmRun runArrsm(
    const QStringList &arguments, const QProcessEnvironment &environment, const ArrsmRunOptions &options = {});
