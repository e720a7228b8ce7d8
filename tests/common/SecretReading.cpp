#include "common/SecretReading.h"

#include <QEventLoop>
#include <QTimer>

arr::SecretResult readSecretAndWait(arr::SecretStore &store, const QString &name)
{
    QEventLoop loop;
    arr::SecretResult outcome;
    outcome.error = QStringLiteral("The keychain did not answer within 30 s.");
    store.read(name, &loop, [&](const arr::SecretResult &result) {
        outcome = result;
        loop.quit();
    });
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    return outcome;
}
