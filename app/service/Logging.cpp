#include "service/Logging.h"

Q_LOGGING_CATEGORY(lcHttp, "arrsm.service.http", QtWarningMsg)
Q_LOGGING_CATEGORY(lcToken, "arrsm.service.token", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSessionApi, "arrsm.service.sessions", QtWarningMsg)
