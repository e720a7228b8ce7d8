#pragma once

#include "core/Account.h"
#include "core/Clock.h"
#include "service/RequestLog.h"
#include "service/SessionApi.h"
#include "service/TokenProvider.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <optional>

// The client side of a service test: a network manager, a request log, a token provider and a
// session API for one account, wired as the app wires them, with short retry delays. The token
// service is at the session API's endpoint unless another is given.
struct ServiceFixture
{
    ServiceFixture(const QUrl &endpoint, const QString &accountId, const QString &key, const arr::Clock *clock,
        const QUrl &tokenEndpoint = {}, arr::ApiVersion version = arr::ApiVersion::V1)
    {
        account.name = QStringLiteral("Test account");
        account.apiVersion = version;
        account.accountId = accountId;
        account.endpoint = endpoint;
        account.tokenEndpoint = tokenEndpoint.isEmpty() ? endpoint : tokenEndpoint;
        tokens = std::make_unique<arr::TokenProvider>(&network, account.tokenEndpoint, accountId, key, &log, clock);
        tokens->retryPolicy.baseDelay = std::chrono::milliseconds(10);
        api = std::make_unique<arr::SessionApi>(&network, tokens.get(), account, &log, clock);
        api->retryPolicy.baseDelay = std::chrono::milliseconds(10);
        api->retryPolicy.maxDelay = std::chrono::milliseconds(50);
    }

    ~ServiceFixture()
    {
        api.reset();
        tokens.reset();
    }

    // Waits for the job's one result, and for the job to be gone: it deletes itself after its one
    // finished(), so that until then a second finished() would show, and afterwards nothing of it can
    // send again.
    static arr::ApiResult wait(arr::ApiJob *job, int timeoutMs = 15000)
    {
        std::optional<arr::ApiResult> result;
        int emissions = 0;
        bool gone = false;
        const QObject listening;
        QObject::connect(job, &arr::ApiJob::finished, &listening, [&](const arr::ApiResult &r) {
            result = r;
            ++emissions;
        });
        QObject::connect(job, &QObject::destroyed, &listening, [&gone] { gone = true; });
        if (!QTest::qWaitFor([&gone] { return gone; }, timeoutMs) && result)
            result->message = QStringLiteral("test: the job was not deleted after it finished");
        if (!result) {
            arr::ApiResult timedOut;
            timedOut.kind = arr::ErrorKind::Cancelled;
            timedOut.message = QStringLiteral("test: the job never finished");
            return timedOut;
        }
        if (emissions != 1)
            result->message = QStringLiteral("test: finished emitted %1 times").arg(emissions);
        return *result;
    }

    // The calls of the session API still alive: each is an ApiJob it owns until it has finished.
    int jobsAlive() const
    {
        return int(api->findChildren<arr::ApiJob *>(QString(), Qt::FindDirectChildrenOnly).size());
    }

    QNetworkAccessManager network;
    arr::RequestLog log;
    arr::Account account;
    std::unique_ptr<arr::TokenProvider> tokens;
    std::unique_ptr<arr::SessionApi> api;
};
