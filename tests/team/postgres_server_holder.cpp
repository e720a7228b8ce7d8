// Starts a PostgresServer, prints where it is, and waits to be killed: tst_postgresserver kills it
// with SIGKILL to see that a test process that dies leaves no server and no folder behind.
#include "common/PostgresServer.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    PostgresServer server;
    if (!server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("%d %s %s\n", server.port(), qPrintable(server.password()), qPrintable(server.directory()));
    std::fflush(stdout);
    return app.exec();
}
