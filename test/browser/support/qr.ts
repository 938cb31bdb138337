// Reads a QR code the way a phone would: the SVG drawn as an image onto a canvas, then decoded
// (jsQR, independent of the encoder the kit uses).
import jsQR from 'jsqr';

export async function readQr(svgElement: SVGSVGElement, size = 400): Promise<string> {
  const markup = new XMLSerializer().serializeToString(svgElement);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image(size, size);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size, size);
    context.drawImage(image, 0, 0, size, size);
    const { data } = context.getImageData(0, 0, size, size);
    const found = jsQR(data, size, size);
    if (!found) throw new Error('No QR code could be read from the SVG');
    return found.data;
  } finally {
    URL.revokeObjectURL(url);
  }
}
