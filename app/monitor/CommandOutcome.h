#pragma once

#include "core/TimeSpan.h"
#include "service/ApiResult.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace arr {

// A command the user gave, and how it ended.
struct CommandOutcome
{
    enum class Kind { Create, Extend, Stop, KeepAlive };
    Kind kind = Kind::Create;
    QString account;
    QString sessionId;
    // The lease an extend asked for.
    std::optional<TimeSpan> requestedLease;
    // True once the service's own state shows the change (or, for a create, the id is known).
    bool succeeded = false;
    // The service answered the command with success at least once, whether or not its state showed
    // the change afterwards.
    bool accepted = false;
    // Why it failed, with status and MS-CV.
    ApiResult result;
    // "Extended session abc to 05:00:00", "Could not stop session abc: …"
    QString description;
    // Refused by the application layer before anything was sent (a read-only account); `description`
    // says why.
    bool refused = false;
    // An extend a keep-alive policy asked for, not the user.
    bool automatic = false;
};

} // namespace arr

Q_DECLARE_METATYPE(arr::CommandOutcome)
