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
  return (
    <div className="app">
      <nav className="app-nav" aria-label="Main">
        <span className="brand">RevUp</span>
        {NAV.map((item) => (
          <button key={item.screen} aria-current={screen === item.screen ? 'page' : undefined} onClick={() => navigate(item.screen)}>
            {item.label}
          </button>
        ))}
      </nav>
      <main className="app-main">
        <ScreenView screen={screen} />
      </main>
    </div>
  )
}

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    default:
      return <p>{screen}</p>
  }
}
