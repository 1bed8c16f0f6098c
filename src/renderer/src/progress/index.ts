export { ProgressScreen } from './ProgressScreen'
