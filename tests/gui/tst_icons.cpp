// The app's icons: resources/icons/*.svg embedded under :/icons and drawn by Qt's SVG icon engine,
// so that every icon is sharp at any size and at any scaling of the screen.
#include "ui/SessionStyle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPixmapCache>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Every SVG in the source tree: each must be embedded and drawable.
QStringList iconNames()
{
    QStringList names;
    const QFileInfoList svgs = QDir(QStringLiteral(ARRSM_ICON_SOURCE_DIR)).entryInfoList({u"*.svg"_s}, QDir::Files);
    for (const QFileInfo &svg : svgs)
        names.append(svg.completeBaseName());
    return names;
}

int opaquePixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
    }
    return count;
}

// What `icon` paints into a transparent square of `edge` points on a device of `ratio` pixels per
// point, as a widget on such a screen would get it; the image is returned at one pixel per point.
QImage painted(const QIcon &icon, int edge, qreal ratio)
{
    const int pixels = qRound(edge * ratio);
    QImage canvas(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    canvas.setDevicePixelRatio(ratio);
    canvas.fill(Qt::transparent);
    QPainter painter(&canvas);
    icon.paint(&painter, QRect(0, 0, edge, edge));
    painter.end();
    canvas.setDevicePixelRatio(1);
    return canvas;
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyIconIsEmbedded();
    void everyIconRendersAtEverySize_data();
    void everyIconRendersAtEverySize();
    void statusIconsAreDistinct();
    void unknownNameIsNull();
    void disabledLooksDifferent();
    void drawnFromTheVectorAtDeviceResolution();
};

void TestIcons::everyIconIsEmbedded()
{
    const QStringList names = iconNames();
    QVERIFY(names.size() >= 15);
    for (const QString &name : names)
        QVERIFY2(QFile::exists(u":/icons/"_s + name + u".svg"_s), qPrintable(name));
}

void TestIcons::everyIconRendersAtEverySize_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : iconNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestIcons::everyIconRendersAtEverySize()
{
    QFETCH(QString, name);
    const QIcon icon = arr::style::icon(name);
    QVERIFY(!icon.isNull());
    for (int edge : {16, 24, 32, 48}) {
        const QString where = u"%1 at %2 px"_s.arg(name).arg(edge);
        const QPixmap pixmap = icon.pixmap(QSize(edge, edge));
        QCOMPARE(pixmap.size(), QSize(edge, edge));
        QVERIFY2(opaquePixels(pixmap.toImage()) > edge, qPrintable(where + u" is blank"_s));

        // At two device pixels per point: twice as many pixels, none of them left blank.
        const QPixmap sharp = icon.pixmap(QSize(edge, edge), 2.0);
        QCOMPARE(sharp.size(), QSize(2 * edge, 2 * edge));
        QCOMPARE(sharp.devicePixelRatio(), 2.0);
        QVERIFY2(opaquePixels(sharp.toImage()) > 2 * edge, qPrintable(where + u" at ratio 2 is blank"_s));
        QVERIFY2(opaquePixels(painted(icon, edge, 2.0)) > 2 * edge, qPrintable(where + u" painted at ratio 2"_s));
    }
}

void TestIcons::statusIconsAreDistinct()
{
    // Every state has its own shape, so that none is told by colour alone.
    QList<QImage> seen;
    for (auto status : {arr::SessionStatus::Starting, arr::SessionStatus::Ready, arr::SessionStatus::Stopping,
             arr::SessionStatus::Stopped, arr::SessionStatus::Expired, arr::SessionStatus::Error,
             arr::SessionStatus::Unknown}) {
        const QImage image = arr::style::statusIcon(status).pixmap(QSize(24, 24)).toImage();
        QVERIFY(opaquePixels(image) > 24);
        QVERIFY(!seen.contains(image));
        seen.append(image);
    }
}

void TestIcons::unknownNameIsNull()
{
    const QIcon icon = arr::style::icon(u"no-such-icon"_s);
    QVERIFY(icon.pixmap(QSize(16, 16)).isNull() || opaquePixels(icon.pixmap(QSize(16, 16)).toImage()) == 0);
    QCOMPARE(opaquePixels(painted(icon, 16, 1.0)), 0);
}

void TestIcons::disabledLooksDifferent()
{
    const QIcon icon = arr::style::icon(u"new-session"_s);
    const QImage normal = icon.pixmap(QSize(24, 24), QIcon::Normal).toImage();
    const QImage disabled = icon.pixmap(QSize(24, 24), QIcon::Disabled).toImage();
    QCOMPARE(disabled.size(), normal.size());
    QVERIFY(disabled != normal);
    // Asked again, the same look (from the cache or not).
    QPixmapCache::clear();
    QCOMPARE(icon.pixmap(QSize(24, 24), QIcon::Disabled).toImage(), disabled);
}

void TestIcons::drawnFromTheVectorAtDeviceResolution()
{
    // A 16-point icon on a screen of two pixels per point is rendered at 32 pixels, not enlarged
    // from 16: the same pixels as the icon asked for at 32. At 1.5 (150 %) and 1.25 (125 %) too.
    for (const QString &name : {u"refresh"_s, u"status-ready"_s, u"app"_s}) {
        const QIcon icon = arr::style::icon(name);
        for (qreal ratio : {2.0, 1.5, 1.25}) {
            const int pixels = qRound(16 * ratio);
            const QImage direct
                = icon.pixmap(QSize(pixels, pixels)).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
            QCOMPARE(painted(icon, 16, ratio), direct);
            const QImage enlarged = icon.pixmap(QSize(16, 16))
                                        .toImage()
                                        .scaled(pixels, pixels)
                                        .convertToFormat(QImage::Format_ARGB32_Premultiplied);
            QVERIFY2(enlarged != direct, qPrintable(name));
        }
    }
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
