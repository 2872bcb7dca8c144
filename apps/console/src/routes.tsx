import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './api/types';

/**
 * Every screen: its path, who sees it, and its menu entry. A new screen is its page file plus one line here; the
 * page is loaded when first opened (its own chunk). Documents and the penalty procedure's steps go here when their
 * endpoints exist.
 */
export interface RouteDef {
  path: string;
  roles: Role[];
  Component: LazyExoticComponent<ComponentType>;
  /** shown in the side menu when set */
  menu?: { label: string; group: string; icon: string };
}

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

export const ROUTES: RouteDef[] = [
  {
    path: '/work',
    roles: ['officer'],
    Component: page(() => import('./pages/MyWorkPage')),
    menu: { label: '我的工作', group: '办案', icon: 'work' },
  },
  {
    path: '/cases',
    roles: ['officer', 'supervisor'],
    Component: page(() => import('./pages/CaseListPage')),
    menu: { label: '案件', group: '办案', icon: 'cases' },
  },
  {
    path: '/cases/new',
    roles: ['officer', 'supervisor'],
    Component: page(() => import('./pages/CaseIntakePage')),
    menu: { label: '收案', group: '办案', icon: 'intake' },
  },
  { path: '/cases/:id', roles: ['officer', 'supervisor'], Component: page(() => import('./pages/CaseDetailPage')) },
  {
    path: '/transfers',
    roles: ['officer', 'supervisor'],
    Component: page(() => import('./pages/TransfersPage')),
    menu: { label: '移送协作', group: '办案', icon: 'transfer' },
  },
  { path: '/transfers/:id', roles: ['officer', 'supervisor'], Component: page(() => import('./pages/TransferDetailPage')) },
  {
    path: '/referrals',
    roles: ['officer', 'supervisor'],
    Component: page(() => import('./pages/ReferralsPage')),
    menu: { label: '移交分流', group: '办案', icon: 'referral' },
  },
  {
    path: '/liaisons',
    roles: ['supervisor'],
    Component: page(() => import('./pages/LiaisonsPage')),
    menu: { label: '电商与海关协查', group: '审核', icon: 'liaison' },
  },
  {
    path: '/hotline/new',
    roles: ['hotline_operator', 'supervisor'],
    Component: page(() => import('./pages/TicketEntryPage')),
    menu: { label: '来电登记', group: '12330', icon: 'phone' },
  },
  {
    path: '/hotline',
    roles: ['hotline_operator', 'supervisor', 'officer'],
    Component: page(() => import('./pages/TicketQueuePage')),
    menu: { label: '工单队列', group: '12330', icon: 'queue' },
  },
  { path: '/hotline/:id', roles: ['hotline_operator', 'supervisor', 'officer'], Component: page(() => import('./pages/TicketDetailPage')) },
  {
    path: '/approvals',
    roles: ['supervisor'],
    Component: page(() => import('./pages/ApprovalsPage')),
    menu: { label: '待我审批', group: '审核', icon: 'approve' },
  },
  {
    path: '/dashboard',
    roles: ['supervisor', 'admin', 'officer'],
    Component: page(() => import('./pages/DashboardPage')),
    menu: { label: '年度目标与KPI', group: '审核', icon: 'dashboard' },
  },
  {
    path: '/overdue',
    roles: ['supervisor'],
    Component: page(() => import('./pages/OverduePage')),
    menu: { label: '超期案件', group: '审核', icon: 'overdue' },
  },
  {
    path: '/credit',
    roles: ['supervisor', 'officer'],
    Component: page(() => import('./pages/PublicationsPage')),
    menu: { label: '信用公示', group: '审核', icon: 'credit' },
  },
  { path: '/credit/:id', roles: ['supervisor', 'officer'], Component: page(() => import('./pages/PublicationDetailPage')) },
  {
    path: '/alerts',
    roles: ['supervisor'],
    Component: page(() => import('./pages/AlertsPage')),
    menu: { label: '专利预警', group: '审核', icon: 'alert' },
  },
  {
    path: '/audit',
    roles: ['supervisor', 'admin'],
    Component: page(() => import('./pages/AuditPage')),
    menu: { label: '审计日志', group: '审核', icon: 'audit' },
  },
  {
    path: '/admin/users',
    roles: ['admin'],
    Component: page(() => import('./pages/UsersPage')),
    menu: { label: '用户管理', group: '系统', icon: 'users' },
  },
  {
    path: '/admin/org-units',
    roles: ['admin'],
    Component: page(() => import('./pages/OrgUnitsPage')),
    menu: { label: '机构', group: '系统', icon: 'org' },
  },
  {
    path: '/admin/partners',
    roles: ['admin'],
    Component: page(() => import('./pages/PartnersPage')),
    menu: { label: '协作机关', group: '系统', icon: 'partner' },
  },
  {
    path: '/admin/calendar',
    roles: ['admin'],
    Component: page(() => import('./pages/CalendarPage')),
    menu: { label: '工作日历', group: '系统', icon: 'calendar' },
  },
  {
    path: '/admin/document-templates',
    roles: ['admin'],
    Component: page(() => import('./pages/DocumentTemplatesPage')),
    menu: { label: '文书模板', group: '系统', icon: 'templates' },
  },
  {
    path: '/admin/targets',
    roles: ['admin', 'supervisor'],
    Component: page(() => import('./pages/TargetsPage')),
    menu: { label: '年度目标设置', group: '系统', icon: 'target' },
  },
];

export function homeFor(roles: Role[]): string {
  if (roles.includes('officer')) return '/work';
  if (roles.includes('hotline_operator')) return '/hotline/new';
  if (roles.includes('supervisor')) return '/approvals';
  return '/admin/users';
}
