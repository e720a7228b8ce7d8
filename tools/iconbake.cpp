// arrsm-iconbake: renders the app's SVG icons into raw pixels at build time.
//
//   arrsm-iconbake <output-dir> <size>[,<size>...] <icon.svg>...
//
// Writes <output-dir>/<name>-<size>.rgba for each icon and size: size × size pixels, 4 bytes each,
// RGBA premultiplied, rows top to bottom. The desktop app draws its icons from these
// (ui/BakedIconEngine), so that its first window needs neither Qt's image plug-ins nor an SVG
// renderer.
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>

#include <cstdio>

namespace {

void fail(const QString &message)
{
    std::fprintf(stderr, "arrsm-iconbake: %s\n", qPrintable(message));
}

bool bake(QSvgRenderer &renderer, int size, const QString &path)
{
    QImage image(size, size, QImage::Format_RGBA8888_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    for (int row = 0; row < size; ++row)
        file.write(reinterpret_cast<const char *>(image.constScanLine(row)), qsizetype(size) * 4);
    if (!file.commit()) {
        fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 4) {
        fail(QStringLiteral("usage: arrsm-iconbake <output-dir> <size>[,<size>...] <icon.svg>..."));
        return 2;
    }
    const QDir output(arguments.at(1));
    if (!output.mkpath(QStringLiteral("."))) {
        fail(QStringLiteral("cannot create %1").arg(output.path()));
        return 1;
    }
    QList<int> sizes;
    for (const QString &text : arguments.at(2).split(QLatin1Char(','))) {
        bool ok = false;
        const int size = text.toInt(&ok);
        if (!ok || size < 1 || size > 1024) {
            fail(QStringLiteral("not an icon size: '%1'").arg(text));
            return 2;
        }
        sizes.append(size);
    }
    for (const QString &svg : arguments.mid(3)) {
        QSvgRenderer renderer(svg);
        if (!renderer.isValid()) {
            fail(QStringLiteral("not a valid SVG: %1").arg(svg));
            return 1;
        }
        const QString name = QFileInfo(svg).completeBaseName();
        for (int size : sizes) {
            if (!bake(renderer, size, output.filePath(QStringLiteral("%1-%2.rgba").arg(name).arg(size))))
                return 1;
        }
    }
    return 0;
}
