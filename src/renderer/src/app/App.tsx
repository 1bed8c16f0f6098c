import { HomeScreen } from '../coach/HomeScreen'
import { SummaryScreen } from '../coach/SummaryScreen'
import { WorkoutScreen } from '../coach/WorkoutScreen'
import { LiveScreen } from '../live/LiveScreen'
import { ProgressScreen } from '../progress/ProgressScreen'
import { ReviewScreen } from '../review/ReviewScreen'
import { useEffect } from 'react'
import { cancelModelMeasurement, measureModels } from '../settings/modelMeasurement'
import { SettingsScreen } from '../settings/SettingsScreen'
import { useAppStore } from '../store'
import type { Screen } from '../store/navigation'

const NAV: { screen: Screen; label: string }[] = [
  { screen: 'home', label: 'Workout' },
  { screen: 'live', label: 'Camera check' },
  { screen: 'review', label: 'Sessions' },
  { screen: 'progress', label: 'Progress' },
  { screen: 'settings', label: 'Settings' }
]

export function App() {
  const screen = useAppStore((s) => s.screen)
  const navigate = useAppStore((s) => s.navigate)
  // During a workout the runner is 2–3 m away: hide the menu so the numbers get the whole window.
  const focused = screen === 'workout'
  useFirstStartModelTiming(screen)
  return (
    <div className={focused ? 'app focused' : 'app'}>
      {!focused && (
        <nav className="app-nav" aria-label="Main">
          <span className="brand">RevUp</span>
          {NAV.map((item) => (
            <button key={item.screen} aria-current={screen === item.screen ? 'page' : undefined} onClick={() => navigate(item.screen)}>
              {item.label}
            </button>
          ))}
        </nav>
      )}
      <main className="app-main">
        <ScreenView screen={screen} />
      </main>
    </div>
  )
}

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'home':
      return <HomeScreen />
    case 'workout':
      return <WorkoutScreen />
    case 'summary':
      return <SummaryScreen />
    case 'live':
      return <LiveScreen />
    case 'review':
      return <ReviewScreen />
    case 'progress':
      return <ProgressScreen />
    case 'settings':
      return <SettingsScreen />
  }
}

/**
 * Times the models once on this machine while the runner is on a screen without a camera; a workout or
 * the camera check needs the CPU, so the timing stops there and runs again at the next start.
 */
function useFirstStartModelTiming(screen: Screen): void {
  const unmeasured = useAppStore((s) => s.settings.modelChoice === 'auto' && s.settings.modelMeasurement === null)
  const quiet = screen !== 'workout' && screen !== 'live'
  useEffect(() => {
    if (!unmeasured || !quiet) return
    measureModels()
    return () => cancelModelMeasurement()
  }, [unmeasured, quiet])
}
