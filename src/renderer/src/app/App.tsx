import { HomeScreen } from '../coach/HomeScreen'
import { SummaryScreen } from '../coach/SummaryScreen'
import { WorkoutScreen } from '../coach/WorkoutScreen'
import { LiveScreen } from '../live/LiveScreen'
import { ProgressScreen } from '../progress/ProgressScreen'
import { ReviewScreen } from '../review/ReviewScreen'
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
