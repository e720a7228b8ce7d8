#include "emulator/FaultInjector.h"

#include "emulator/BearerAuth.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace arr::emulator {

FaultInjector::FaultInjector(quint32 seed)
    : m_generator(seed)
{
}

void FaultInjector::reseed(quint32 seed)
{
    m_generator.seed(seed);
}

FaultDraw FaultInjector::draw(const FaultOptions &f)
{
    // The same number of draws for every request, whatever the rates, so that a seed gives the same
    // sequence of decisions for the same sequence of requests.
    std::array<double, 5> u{};
    for (double &value : u)
        value = m_generator.generateDouble();
    const quint32 garbageSeed = m_generator.generate();

    FaultDraw draw;
    draw.drop = u[0] < f.dropRate;
    if (!draw.drop && u[1] < f.errorRate) {
        const double kind = u[2];
        draw.errorStatus = kind < 1.0 / 3 ? 500 : (kind < 2.0 / 3 ? 503 : 429);
    }
    draw.malformed = !draw.drop && draw.errorStatus == 0 && u[3] < f.malformedRate;
    draw.malformedKind = u[2];
    draw.garbageSeed = garbageSeed;
    draw.delayMs = u[4] < f.latencyRate ? std::max(0, f.latencyMs) : 0;
    return draw;
}

HttpResponse FaultInjector::errorResponse(Operation operation, int status)
{
    switch (status) {
    case 500:
        return HttpResponse::error(
            ApiError{500, "InternalServerError", u"The service failed to process the request (injected fault)."_s});
    case 503:
        return HttpResponse::error(ApiError{
            503, "ServiceUnavailable", u"The service is temporarily unavailable (injected fault); try again later."_s});
    default:
        break;
    }
    HttpResponse response = HttpResponse::error(
        ApiError{429, "TooManyRequests", u"Too many requests (injected fault); retry after 1 second."_s});
    response.setHeader("Retry-After", "1");
    if (operation == Operation::Token)
        response.setHeader("WWW-Authenticate", bearerChallenge());
    return response;
}

QByteArray FaultInjector::malformedBody(const QByteArray &real, double kind, quint32 seed)
{
    if (kind < 1.0 / 3)
        return real.left(std::max<qsizetype>(1, real.size() / 2));
    if (kind < 2.0 / 3)
        return "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    QRandomGenerator garbage(seed);
    QByteArray bytes(64, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(garbage.bounded(256));
    return bytes;
}

} // namespace arr::emulator
