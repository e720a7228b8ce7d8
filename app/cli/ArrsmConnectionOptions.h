#pragma once

#include "cli/ArrsmCommandLine.h"
#include "cli/ArrsmOptions.h"

#include <QProcessEnvironment>

// The part of arrsm's command line that says where to connect and as whom: a saved account, or the
// endpoints, id and key from the options, else from their environment variables.
namespace arr::cli {

// --api-version, else ARRSM_API_VERSION; a saved account (--account) uses its own. Returns what is
// wrong, or empty.
QString readApiVersion(const GivenOptions &given, const QProcessEnvironment &environment, Connection *connection);
// Fills `connection`; returns what is wrong, or empty.
QString readConnection(const GivenOptions &given, const QProcessEnvironment &environment, Connection *connection);

} // namespace arr::cli
