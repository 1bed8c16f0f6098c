// Mounts the Camera check screen on its own, as the app's 'live' route does, for e2e tests and the bench.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { LiveScreen } from '../../../src/renderer/src/live/LiveScreen'
import '../../../src/renderer/src/app/app.css'

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <LiveScreen />
  </StrictMode>
)
