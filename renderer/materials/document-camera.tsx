import { useEffect, useRef, useState } from 'react';
import { usePreferences } from '../app/preferences';
import { CameraIcon } from '../components/icons';
import { JPEG_QUALITY, fitWithin } from './image-size';

export interface CapturedImage {
  blob: Blob;
  width: number;
  height: number;
}

interface DocumentCameraProps {
  onCapture(image: CapturedImage): void;
  onCancel(): void;
}

/** The document camera (高拍仪) through getUserMedia: live preview, capture, retake. */
export function DocumentCamera({ onCapture, onCancel }: DocumentCameraProps) {
  const { t } = usePreferences();
  const video = useRef<HTMLVideoElement>(null);
  // No mediaDevices at all (insecure context, camera policy off) is a failure from the start.
  const [failed, setFailed] = useState(() => !navigator.mediaDevices);
  const [preview, setPreview] = useState<{ image: CapturedImage; url: string } | undefined>();

  useEffect(() => {
    let stream: MediaStream | undefined;
    let live = true;
    if (!navigator.mediaDevices) return;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 3264 }, height: { ideal: 2448 } }, audio: false })
      .then((s) => {
        if (!live) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => undefined);
        }
      })
      .catch(() => setFailed(true));
    return () => {
      live = false;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview.url);
    },
    [preview],
  );

  const capture = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const size = fitWithin(v.videoWidth, v.videoHeight);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext('2d')?.drawImage(v, 0, 0, size.width, size.height);
    canvas.toBlob(
      (blob) => {
        if (!blob) return;
        setPreview({ image: { blob, ...size }, url: URL.createObjectURL(blob) });
      },
      'image/jpeg',
      JPEG_QUALITY,
    );
  };

  if (failed) {
    return (
      <div className="camera camera-failed" role="status">
        <p className="callout callout-warn">{t('materials.cameraUnavailable')}</p>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('nav.back')}
        </button>
      </div>
    );
  }

  return (
    <div className="camera">
      <p className="camera-notice">
        <CameraIcon /> {t('materials.cameraNotice')}
      </p>
      <p className="hint">{t('materials.cameraHint')}</p>
      <div className="camera-frame">
        <video ref={video} muted playsInline hidden={Boolean(preview)} />
        {preview && <img src={preview.url} alt="" />}
      </div>
      <div className="row-actions">
        <button
          type="button"
          className="btn btn-secondary btn-large"
          onClick={preview ? () => setPreview(undefined) : onCancel}
        >
          {preview ? t('materials.retake') : t('nav.back')}
        </button>
        {preview ? (
          <button
            type="button"
            className="btn btn-primary btn-large"
            onClick={() => onCapture(preview.image)}
          >
            {t('materials.use')}
          </button>
        ) : (
          <button type="button" className="btn btn-primary btn-large" onClick={capture}>
            {t('materials.capture')}
          </button>
        )}
      </div>
    </div>
  );
}
