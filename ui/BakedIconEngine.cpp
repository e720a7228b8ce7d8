#include "ui/BakedIconEngine.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QResource>
#include <QStyle>
#include <QStyleOption>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// The edge in pixels to draw at for a request of `size`: icons are square.
int edgeFor(const QSize &size)
{
    return std::max(0, std::min(size.width(), size.height()));
}

// The style's disabled or selected look of a pixmap, as Qt's own icon engines give it.
QPixmap styled(const QPixmap &pixmap, QIcon::Mode mode)
{
    if (mode != QIcon::Disabled && mode != QIcon::Selected)
        return pixmap;
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return pixmap;
    QStyleOption option;
    option.palette = QGuiApplication::palette();
    const QPixmap generated = QApplication::style()->generatedIconPixmap(mode, pixmap, &option);
    return generated.isNull() ? pixmap : generated;
}

// Where tools/iconbake's pixels of `name` at `size` are embedded (ui/CMakeLists.txt).
QString bakedPath(const QString &name, int size)
{
    return u":/icons/baked/%1-%2.rgba"_s.arg(name).arg(size);
}

} // namespace

BakedIconEngine::BakedIconEngine(QString name)
    : m_name(std::move(name))
{
}

QList<int> BakedIconEngine::bakedSizes()
{
    return {ARRSM_ICON_SIZES};
}

QImage BakedIconEngine::bakedImage(const QString &name, int size)
{
    const QResource resource(bakedPath(name, size));
    if (!resource.isValid())
        return {};
    const QByteArray pixels = resource.uncompressedData();
    if (pixels.size() != qsizetype(size) * size * 4)
        return {};
    // `view` borrows the bytes; the conversion copies them before they go.
    const QImage view(reinterpret_cast<const uchar *>(pixels.constData()), size, size, size * 4,
        QImage::Format_RGBA8888_Premultiplied);
    return view.convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

QPixmap BakedIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(state)
    const int edge = edgeFor(size);
    if (edge == 0)
        return {};
    // The disabled and selected looks come from the style and the palette of the moment.
    const qint64 paletteKey
        = mode == QIcon::Normal || mode == QIcon::Active ? 0 : QGuiApplication::palette().cacheKey();
    const QString cacheKey = u"arrsm-icon/%1/%2/%3/%4"_s.arg(m_name).arg(edge).arg(int(mode)).arg(paletteKey);
    QPixmap cached;
    if (QPixmapCache::find(cacheKey, &cached))
        return cached;

    // The smallest baked size that covers the request, else the largest there is.
    const QList<int> sizes = bakedSizes();
    const auto covering = std::find_if(sizes.begin(), sizes.end(), [edge](int baked) { return baked >= edge; });
    QImage image = bakedImage(m_name, covering != sizes.end() ? *covering : sizes.last());
    if (image.isNull())
        return {};
    if (image.width() != edge)
        image = image.scaled(edge, edge, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const QPixmap result = styled(QPixmap::fromImage(std::move(image)), mode);
    QPixmapCache::insert(cacheKey, result);
    return result;
}

void BakedIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
    const QPixmap drawn = pixmap((QSizeF(rect.size()) * ratio).toSize(), mode, state);
    if (drawn.isNull())
        return;
    // Device pixels into logical coordinates, centred: one baked pixel per screen pixel.
    QRectF target(QPointF(), QSizeF(drawn.size()) / ratio);
    target.moveCenter(QRectF(rect).center());
    painter->drawPixmap(target, drawn, QRectF(drawn.rect()));
}

QSize BakedIconEngine::actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(mode)
    Q_UNUSED(state)
    const int edge = edgeFor(size);
    return QSize(edge, edge);
}

QList<QSize> BakedIconEngine::availableSizes(QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(mode)
    Q_UNUSED(state)
    QList<QSize> sizes;
    if (isNull())
        return sizes;
    for (int size : bakedSizes())
        sizes.append(QSize(size, size));
    return sizes;
}

bool BakedIconEngine::isNull()
{
    return !QResource(bakedPath(m_name, bakedSizes().constFirst())).isValid();
}

QString BakedIconEngine::key() const
{
    return u"arrsm-baked"_s;
}

QIconEngine *BakedIconEngine::clone() const
{
    return new BakedIconEngine(m_name);
}

} // namespace arr
