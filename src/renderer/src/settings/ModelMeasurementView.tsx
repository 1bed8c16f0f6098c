/** The measured model timings in Settings: what each model took here, the budget, the choice, and a re-measure button. */
import { POSE_MODELS } from '../../../pose/catalogue'
import { FRAME_RATE_HEADROOM } from '../pose/modelChoice'
import { useAppStore } from '../store'
import { measureModels, useMeasuringState } from './modelMeasurement'

const REASONS = {
  'keeps-up': 'the most accurate model that keeps up with the camera',
  'none-keeps-up': 'no model keeps up with the camera here; the fastest one',
  'not-measured': 'no model could be timed; the default'
} as const

export function ModelMeasurementView() {
  const measurement = useAppStore((s) => s.settings.modelMeasurement)
  const { measuring, error } = useMeasuringState()
  return (
    <div className="model-measurement" data-testid="model-measurement">
      {measurement === null ? (
        <p>{measuring ? 'Timing the pose models on this computer…' : 'The pose models have not been timed on this computer yet.'}</p>
      ) : (
        <>
          <p>
            Timed on this computer ({measurement.backend.toUpperCase()}, {new Date(measurement.measuredAt).toLocaleString()}): a model may take{' '}
            {measurement.budgetMs.toFixed(1)} ms a frame to keep up with a {measurement.cameraFps} frames/s camera with {Math.round((FRAME_RATE_HEADROOM - 1) * 100)}% to spare.
            Automatic choice: <strong>{POSE_MODELS[measurement.chosen].displayName}</strong>, {REASONS[measurement.reason]}.
          </p>
          <table>
            <thead>
              <tr><th>Model</th><th>ms per frame</th><th>frames/s</th><th>keeps up</th></tr>
            </thead>
            <tbody>
              {measurement.timings.map((t) => (
                <tr key={t.model}>
                  <td>{POSE_MODELS[t.model].displayName}</td>
                  <td>{t.msPerFrame !== undefined ? t.msPerFrame.toFixed(1) : '–'}</td>
                  <td>{t.msPerFrame !== undefined ? (1000 / t.msPerFrame).toFixed(0) : '–'}</td>
                  <td>{t.msPerFrame !== undefined ? (t.msPerFrame <= measurement.budgetMs ? 'yes' : 'no') : (t.error ?? '–')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {error !== null && <p role="alert">The timing failed: {error}</p>}
      <button type="button" onClick={measureModels} disabled={measuring} data-testid="measure-models">
        {measuring ? 'Timing…' : 'Time the models again'}
      </button>
    </div>
  )
}
